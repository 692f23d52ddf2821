/** `musicdl plugins [--json]`: which plugins load, from where, and which were skipped and why. */
import { resolve } from "node:path";
import { defineCommand } from "citty";
import type { PluginProblem, PluginInfo } from "../../plugins/registry.ts";
import { EXIT_CODES_HELP, globalArgs } from "../global-args.ts";

export default defineCommand({
  meta: {
    name: "plugins",
    description: `List loaded plugins (kind, name, version, origin) and the ones skipped.\n\nExamples:\n  musicdl plugins\n  musicdl plugins --plugins-dir ./my-plugins --json\n\n${EXIT_CODES_HELP}`,
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
    const { registry, problems, dirs } = await openPlugins({
      pluginsDirs: pluginsDirsFrom(rawArgs),
      noExternal: args.plugins === false,
    });
    const plugins = registry.all();
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ plugins, problems, dirs }, null, 2)}\n`);
      return;
    }
    process.stdout.write(renderPluginTable(plugins, problems, dirs));
  },
});

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
