/** What turns the file's `download:` values into settings: where the file is, the environment and the command line. */
import type { AudioFormat } from "../../plugins/api.ts";
import type { Env } from "../find-config-file.ts";

export interface SettingsContext {
  /** Folder that relative paths in the file are taken from: the config file's folder, or cwd without a file. */
  readonly baseDir: string;
  readonly cwd: string;
  readonly env: Env;
  /** `--output`, `--format`, `--bitrate`, `--threads`, already checked; they win over the file. */
  readonly overrides: CliOverrides;
}

/**
 * The command-line flags that win over the file, as cli-overrides.ts checked them. Declared here, where the settings
 * read them, so the settings do not import the flag parser that imports their schemas (an import cycle).
 */
export interface CliOverrides {
  readonly output?: string;
  readonly format?: AudioFormat;
  readonly bitrate?: string;
  readonly threads?: number;
}
