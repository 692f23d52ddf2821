/**
 * The start-up budget: `--version` and `--help` must not load youtubei.js, sqlite, the store or any plugin.
 * Checked twice: the entry's static import graph (what `bun build --compile` evaluates before main runs) and the
 * modules a real `--help`/`--version` run has loaded when it ends.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { COMMAND_SUMMARIES, mainCommand } from "../../src/cli/main-command.ts";

const ROOT = join(import.meta.dir, "..", "..");
const HEAVY = [/^bun:sqlite$/, /node_modules\/youtubei\.js\//, /^src\/store\//, /^src\/plugins\//, /^plugins\//];
const isHeavy = (module: string) => HEAVY.some((pattern) => pattern.test(module));

/** Every module reachable from `entry` through static `import … from` (dynamic `import()` is where laziness lives). */
function staticImportGraph(entry: string): string[] {
  const transpiler = new Bun.Transpiler({ loader: "ts" });
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith("/") || !/\.[cm]?[jt]s$/.test(file)) continue;
    for (const imported of transpiler.scanImports(readFileSync(file, "utf8").replace(/^#!.*/, ""))) {
      if (imported.kind !== "import-statement") continue;
      const resolved = imported.path.includes(":") ? imported.path : Bun.resolveSync(imported.path, dirname(file));
      pending.push(resolved);
    }
  }
  return [...seen].map((file) => (file.startsWith("/") ? relative(ROOT, file) : file));
}

describe("start-up", () => {
  test("the entry's static imports reach no store, sqlite, plugin or youtubei.js module", () => {
    const graph = staticImportGraph(join(ROOT, "src", "main.ts"));
    expect(graph).toContain("src/cli/main-command.ts");
    expect(graph.filter(isHeavy)).toEqual([]);
  });

  test.each([["--help"], ["--version"], ["(no arguments)"]])(
    "musicdl %s loads no store, sqlite, plugin or youtubei.js module",
    async (first) => {
      const argv = first.startsWith("-") ? [first] : [];
      const script = `
      const { run } = await import(${JSON.stringify(join(ROOT, "src", "cli", "run.ts"))});
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = () => true;
      await run(${JSON.stringify(argv)});
      write(JSON.stringify(Object.keys(require.cache)));`;
      const proc = Bun.spawn([process.execPath, "-e", script], { stdout: "pipe", stderr: "pipe" });
      const [stdout, stderr] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
      expect(stderr).toBe("");
      const loaded = (JSON.parse(stdout) as string[]).map((file) =>
        file.startsWith("/") ? relative(ROOT, file) : file,
      );
      expect(loaded).toContain("src/cli/main-command.ts");
      expect(loaded.filter(isHeavy)).toEqual([]);
      expect(loaded.filter((file) => file.startsWith("src/cli/commands/"))).toEqual([]);
    },
  );

  test("the top-level help lists every command", async () => {
    const commands = Object.keys(mainCommand.subCommands as Record<string, unknown>);
    expect(Object.keys(COMMAND_SUMMARIES).sort()).toEqual(commands.sort());
  });
});
