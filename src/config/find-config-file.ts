/** Finds the config file (--config, ./musicdl.yaml, the XDG one) and expands `~` in the paths a config names. */
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { type Env, homeDir, userConfigPath } from "../util/dirs.ts";

export { defaultCachePath, type Env } from "../util/dirs.ts";

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
