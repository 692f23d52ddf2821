/** Doctor's config: the one a download would read, or the defaults when there is none or it is broken. */
import { buildDownloadSettings } from "../../config/build-settings.ts";
import { findConfigFile } from "../../config/find-config-file.ts";
import { defaultSections } from "../../config/schema.ts";
import type { Config } from "../../config/types.ts";
import { loadConfigFromArgs } from "../session.ts";
import { type DoctorCheck, failedWith, passed } from "./check.ts";

export interface DoctorConfigArgs {
  readonly config?: string;
  readonly output?: string;
}

/** Never throws: a config problem is a failed check, and the other checks still run on the defaults. */
export async function loadDoctorConfig(args: DoctorConfigArgs): Promise<{ config: Config; check: DoctorCheck }> {
  const cwd = process.cwd();
  const found = findConfigFile({ configPath: args.config, cwd, env: process.env });
  if (!found.path && !args.config) {
    const check: DoctorCheck = {
      name: "config",
      status: "warn",
      summary: `no config file (looked for ${found.searched.join(" and ")}); checking with the defaults`,
      fix: "Run `musicdl init` to write a commented musicdl.yaml, or pass links on the command line.",
    };
    return { config: defaultConfig(args, cwd), check };
  }
  try {
    // As a run loads it: links only a source plugin knows are valid when that plugin is installed.
    const config = await loadConfigFromArgs({ ...args, _: [] });
    return { config, check: passed("config", `${config.file} reads without errors`) };
  } catch (error) {
    return {
      config: defaultConfig(args, cwd),
      check: failedWith("config", error, "Fix the config as the message says."),
    };
  }
}

function defaultConfig(args: DoctorConfigArgs, cwd: string): Config {
  const defaults = defaultSections();
  const download = buildDownloadSettings(defaults.download, {
    baseDir: cwd,
    cwd,
    env: process.env,
    overrides: args.output ? { output: args.output } : {},
  });
  return {
    file: null,
    version: "1.2",
    download,
    match: defaults.match,
    sources: [],
    pluginOptions: {},
    warnings: [],
  };
}
