/** What turns the file's `download:` values into settings: where the file is, the environment and the command line. */
import type { CliOverrides } from "../cli-overrides.ts";
import type { Env } from "../find-config-file.ts";

export interface SettingsContext {
  /** Folder that relative paths in the file are taken from: the config file's folder, or cwd without a file. */
  readonly baseDir: string;
  readonly cwd: string;
  readonly env: Env;
  /** `--output`, `--format`, `--bitrate`, `--threads`, already checked; they win over the file. */
  readonly overrides: CliOverrides;
}
