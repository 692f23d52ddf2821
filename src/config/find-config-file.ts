/** Finds the config file (--config, ./musicdl.yaml, XDG) and the default cache path; expands `~` in paths. */
import { existsSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

export type Env = Record<string, string | undefined>;

export function homeDir(env: Env): string {
  return env.HOME || homedir();
}

/** `~/Music` → `/home/me/Music`; other paths unchanged. Shells expand `~` on the command line, not in YAML. */
export function expandHome(path: string, env: Env): string {
  if (path === "~") return homeDir(env);
  return path.startsWith("~/") ? join(homeDir(env), path.slice(2)) : path;
}

/** An absolute path: `~` expanded, relative paths taken from `base`. */
export function resolvePath(base: string, path: string, env: Env): string {
  const expanded = expandHome(path.trim(), env);
  return isAbsolute(expanded) ? expanded : resolve(base, expanded);
}

/** $XDG_CONFIG_HOME/musicdl/config.yaml, with ~/.config when XDG_CONFIG_HOME is unset or relative (as the spec says). */
export function userConfigPath(env: Env): string {
  return join(xdgDir(env, "XDG_CONFIG_HOME", ".config"), "musicdl", "config.yaml");
}

/** $XDG_CACHE_HOME/musicdl/musicdl.sqlite, with ~/.cache when unset. */
export function defaultCachePath(env: Env): string {
  return join(xdgDir(env, "XDG_CACHE_HOME", ".cache"), "musicdl", "musicdl.sqlite");
}

function xdgDir(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value && isAbsolute(value) ? value : join(homeDir(env), fallback);
}

export interface ConfigFileSearch {
  /** The file to read, or null when none exists. */
  readonly path: string | null;
  /** Every path looked at, in order, for the "not found" message. */
  readonly searched: readonly string[];
}

/** `--config` if given (found or not), else ./musicdl.yaml, else the user config file. */
export function findConfigFile(options: { configPath?: string; cwd: string; env: Env }): ConfigFileSearch {
  const candidates = options.configPath
    ? [resolvePath(options.cwd, options.configPath, options.env)]
    : [join(options.cwd, "musicdl.yaml"), userConfigPath(options.env)];
  const path = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
  return { path, searched: candidates };
}
