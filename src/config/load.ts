/** Loads the config for a run: finds the file, reads it, applies command-line sources and flags and the environment. */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { ConfigError, formatConfigIssue, type ConfigIssue } from "../errors.ts";
import { registerSecret } from "../util/redact.ts";
import type { Config, SourceEntry } from "./types.ts";
import type { LinkSources } from "./source-links.ts";
import { checkBitrateForFormat } from "./bitrate-range.ts";
import { decodeConfig } from "./decode-config.ts";
import { buildDownloadSettings } from "./build-settings.ts";
import { readCliOverrides } from "./cli-overrides.ts";
import { readCliSources } from "./cli-sources.ts";
import { findConfigFile } from "./find-config-file.ts";
import { readConfigText, type ConfigText } from "./read-config-text.ts";
import { defaultSections } from "./schema.ts";

export interface LoadConfigOptions {
  /** `--config`; when absent: ./musicdl.yaml in cwd, then $XDG_CONFIG_HOME/musicdl/config.yaml (~/.config if unset). */
  configPath?: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Positional SOURCES; when non-empty they replace the config's source lists. */
  cliSources: string[];
  /** Command-line flags, validated like the file's keys. */
  overrides: { output?: string; format?: string; bitrate?: string; threads?: string };
  /** What the loaded source plugins make of each link; without them only plain text is a source. */
  links?: LinkSources;
}

/** What the config means when there is no file: defaults, plus the sources from the command line. */
function noFile(): ConfigText {
  return { ...defaultSections(), sources: [], pluginOptions: {}, warnings: [] };
}

/** Reads and validates everything; throws one ConfigError (exit 2) listing every problem found. */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const { cwd, env } = options;
  const overrides = readCliOverrides(options.overrides);
  const cliSources = readCliSources(options.cliSources, options.links);
  const commandLineIssues: ConfigIssue[] = [...overrides.issues, ...cliSources.issues];
  if (commandLineIssues.length > 0) throw new ConfigError("command line", commandLineIssues);

  const search = findConfigFile(options);
  const file = search.path;
  const missing = file ? null : missingFileError(options, search.searched);
  if (missing) throw missing;
  const content = file ? readOrThrow(await readText(file, cwd), file, options) : noFile();

  const download = buildDownloadSettings(content.download, {
    baseDir: file ? dirname(file) : cwd,
    cwd,
    env,
    overrides: overrides.overrides,
  });
  registerSecret(download.clientSecret);
  const bitrateFromFlag = overrides.overrides.bitrate !== undefined;
  const path = bitrateFromFlag ? "--bitrate" : "download.bitrate";
  const bitrateIssue = checkBitrateForFormat(download.format, download.bitrate, path);
  if (bitrateIssue) throw new ConfigError(bitrateFromFlag ? "command line" : displayPath(file, cwd), [bitrateIssue]);
  const sources: readonly SourceEntry[] = cliSources.entries.length > 0 ? cliSources.entries : content.sources;
  return {
    file: file ? resolve(file) : null,
    version: "1.2",
    download,
    match: content.match,
    sources,
    pluginOptions: content.pluginOptions,
    warnings: content.warnings.map((issue) => formatConfigIssue(displayPath(file, cwd), issue)),
  };
}

function readOrThrow(text: string, file: string, options: LoadConfigOptions): ConfigText {
  const result = readConfigText(text, options.links);
  if (!result.ok) throw new ConfigError(displayPath(file, options.cwd), result.issues);
  return result.value;
}

async function readText(file: string, cwd: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await Bun.file(file).bytes();
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ConfigError(displayPath(file, cwd), [
      { path: "", message: `cannot read the file (${reason}); check its permissions.` },
    ]);
  }
  const decoded = decodeConfig(bytes);
  if (decoded.ok) return decoded.text;
  throw new ConfigError(displayPath(file, cwd), [
    {
      path: "",
      line: decoded.line,
      message:
        "the file is not UTF-8 text (it looks saved in a Windows code page, so names with accents would be mangled). Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8) and run again.",
    },
  ]);
}

/** The ConfigError for "no file", or null when the command-line sources are enough to run without one. */
function missingFileError(options: LoadConfigOptions, searched: readonly string[]): ConfigError | null {
  if (options.configPath) {
    const message = "config file not found. Check the --config path, or run `musicdl init` to write one there.";
    return new ConfigError(displayPath(searched[0] ?? options.configPath, options.cwd), [{ path: "", message }]);
  }
  if (options.cliSources.length > 0) return null;
  const message = `no config file found (looked for ${searched.join(" and ")}).`;
  return new ConfigError("musicdl", [{ path: "", message }], {
    hint: "Run `musicdl init` to write one, or pass a link: musicdl download <a playlist, album or track link>.",
  });
}

/** `musicdl.yaml` for a file in the working directory, the absolute path otherwise. */
function displayPath(file: string | null, cwd: string): string {
  if (!file) return "command line";
  const relativePath = relative(cwd, file);
  return relativePath && !relativePath.startsWith("..") && !isAbsolute(relativePath) ? relativePath : file;
}
