/** Where musicdl keeps its own things (config, store, plugin folders, auth, per-run temp): the XDG rules, once. */
import { homedir, tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";

export type Env = Readonly<Record<string, string | undefined>>;

/** `$HOME`, else what the OS says. */
export function homeDir(env: Env): string {
  return env.HOME || homedir();
}

/**
 * `$XDG_CONFIG_HOME/musicdl`, or `~/.config/musicdl`. The one rule for every XDG variable: a value is used when it
 * is an absolute path; unset, empty or relative falls back to the home folder (the XDG spec says to ignore
 * relative values, which would otherwise mean a different folder in every working directory).
 */
export function configDir(env: Env): string {
  return join(xdgBase(env, "XDG_CONFIG_HOME", ".config"), "musicdl");
}

/** `$XDG_CACHE_HOME/musicdl`, or `~/.cache/musicdl` (same rule as {@link configDir}). */
export function cacheDir(env: Env): string {
  return join(xdgBase(env, "XDG_CACHE_HOME", ".cache"), "musicdl");
}

/** The user's config file when no `--config` and no ./musicdl.yaml: `<configDir>/config.yaml`. */
export function userConfigPath(env: Env): string {
  return join(configDir(env), "config.yaml");
}

/** The store when the config names no `cache_path`: `<cacheDir>/musicdl.sqlite`. */
export function defaultCachePath(env: Env = process.env): string {
  return join(cacheDir(env), "musicdl.sqlite");
}

/** The user's own plugin folder: `<configDir>/plugins`. */
export function userPluginsDir(env: Env): string {
  return join(configDir(env), "plugins");
}

/** The stored login (`musicdl auth login`): `<configDir>/auth.json`. */
export function authFilePath(env: Env = process.env): string {
  return join(configDir(env), "auth.json");
}

/** This process's temp root for plugins (`ctx.dirs.temp` is `<root>/<name>`); removed when the plugins are disposed. */
export function pluginTempRoot(pid: number = process.pid): string {
  return join(tmpdir(), `musicdl-${pid}`);
}

function xdgBase(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value && isAbsolute(value) ? value : join(homeDir(env), fallback);
}
