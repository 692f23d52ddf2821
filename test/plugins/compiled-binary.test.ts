import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { builtinPlugins } from "../../src/plugins/builtin.ts";
import { installCompiledBinary } from "../helpers/compiled-binary.ts";
import { runCli } from "../helpers/run-cli.ts";
import { providerSource } from "../helpers/plugin-files.ts";
import { type TempDir, createTempDir } from "../helpers/temp-dir.ts";

let root: TempDir;
let binary: string;

// One build per test run (test/helpers/compiled-binary.ts): `bun build --compile` takes seconds.
beforeAll(async () => {
  root = createTempDir("musicdl-compiled-");
  binary = await installCompiledBinary(join(root.path, "bin"));
});
afterAll(() => root[Symbol.dispose]());

test("a compiled binary loads .ts plugins from plugins/ beside itself and from --plugins-dir, without musicdl installed", async () => {
  const beside = root.write("bin/plugins/beside-binary.ts", providerSource("beside-binary"));
  const extra = root.write("elsewhere/from-flag/index.ts", providerSource("from-flag"));
  using cwd = createTempDir("musicdl-cwd-");
  const result = await runCli(["plugins", "--json", "--plugins-dir", join(root.path, "elsewhere")], {
    executable: binary,
    cwd: cwd.path,
  });
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  const listing = JSON.parse(result.stdout);
  expect(listing.plugins.map((p: { name: string; origin: string }) => [p.name, p.origin])).toEqual([
    ...builtinPlugins.map((builtin) => [builtin.name, "built-in"]),
    ["from-flag", extra],
    ["beside-binary", beside],
  ]);
  expect(listing.dirs.at(-1)).toBe(join(root.path, "bin", "plugins"));
});
