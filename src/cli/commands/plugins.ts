/** `musicdl plugins [--json]`: which plugins load, from where, and which were skipped and why. */
import { resolve } from "node:path";
import { jsonDocument } from "../../util/json-document.ts";
import { defineCommand } from "citty";
import { findConfigFile } from "../../config/find-config-file.ts";
import type { Config } from "../../config/types.ts";
import type { PluginProblem, PluginInfo } from "../../plugins/registry.ts";
import { EXIT_CODES_HELP, globalArgs, type GlobalArgs } from "../global-args.ts";

export default defineCommand({
  meta: {
    name: "plugins",
    description: `List loaded plugins (kind, name, version, origin) and the ones skipped. Reads the config's\nplugins_dir and plugins: options when there is a config file.\n\nExamples:\n  musicdl plugins\n  musicdl plugins --plugins-dir ./my-plugins --json\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    ...globalArgs,
    "plugins-dir": {
      type: "string",
      description: "Extra plugin folder, searched first (repeatable, or a comma list)",
      valueHint: "DIR",
    },
  },
  async run({ args, rawArgs }) {
    const { openPlugins } = await import("../../plugins/open.ts");
    const session = await import("../session.ts");
    session.applyLogLevel(args);
    const noExternal = args.plugins === false;
    const config = await configForListing(args, noExternal);
    const { registry, problems, dirs } = await openPlugins({
      pluginsDirs: [...pluginsDirsFrom(rawArgs), ...(config?.download.pluginsDirs ?? [])],
      // Named plugins get their options as in a run, so a factory that validates them is listed as it would load.
      pluginOptions: config?.pluginOptions ?? {},
      ...(config ? session.pluginFilesOf(config) : {}),
      audioProviders: config?.download.audioProviders ?? [],
      configFile: config?.file ?? null,
      noExternal,
      reportOnly: true,
    });
    const plugins = registry.all();
    if (args.json) {
      process.stdout.write(`${JSON.stringify(jsonDocument({ plugins, problems, dirs }), null, 2)}\n`);
      return;
    }
    process.stdout.write(renderPluginTable(plugins, problems, dirs));
  },
});

/**
 * The config a run would use, for its `plugins_dir` and `plugins:` options; null when there is no config file
 * (listing plugins needs none). A `--config` that does not exist, or a broken file, is still an error.
 */
async function configForListing(args: GlobalArgs, noExternal: boolean): Promise<Config | null> {
  const found = findConfigFile({ configPath: args.config, cwd: process.cwd(), env: process.env });
  if (!found.path && !args.config) return null;
  const { loadConfigFromArgs } = await import("../session.ts");
  return loadConfigFromArgs({ ...args, _: [], plugins: !noExternal });
}

/** Every `--plugins-dir` value (citty keeps only the last of a repeated option), commas split, made absolute. */
export function pluginsDirsFrom(rawArgs: readonly string[]): string[] {
  const values: string[] = [];
  rawArgs.forEach((arg, index) => {
    if (arg === "--plugins-dir" && rawArgs[index + 1] !== undefined) values.push(rawArgs[index + 1]!);
    else if (arg.startsWith("--plugins-dir=")) values.push(arg.slice("--plugins-dir=".length));
  });
  return values
    .flatMap((value) => value.split(","))
    .filter(Boolean)
    .map((dir) => resolve(dir));
}

export function renderPluginTable(
  plugins: readonly PluginInfo[],
  problems: readonly PluginProblem[],
  dirs: readonly string[],
): string {
  const rows = [
    ["KIND", "NAME", "VERSION", "ORIGIN"],
    ...plugins.map((p) => [p.kind, p.name, p.version ?? "-", p.origin]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
  if (plugins.length === 0) lines.push("(no plugins loaded)");
  if (problems.length > 0) {
    lines.push("", "Problems:");
    for (const problem of problems) lines.push(`  ${problem.name} (${problem.origin}): ${problem.message}`);
  }
  lines.push("", `Plugin folders: ${dirs.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
