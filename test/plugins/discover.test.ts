import { expect, test } from "bun:test";
import { join } from "node:path";
import { compiledBinaryPath, discoverPluginFiles, resolvePluginDirs } from "../../src/plugins/discover.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

test("plugin folders come in order: config, XDG config, beside the binary", () => {
  const dirs = resolvePluginDirs({
    configDirs: ["/srv/musicdl-plugins"],
    binaryPath: "/opt/musicdl/musicdl",
    env: { XDG_CONFIG_HOME: "/home/u/.cfg", HOME: "/home/u" },
  });
  expect(dirs).toEqual(["/srv/musicdl-plugins", "/home/u/.cfg/musicdl/plugins", "/opt/musicdl/plugins"]);
});

test("without XDG_CONFIG_HOME the plugin folder is ~/.config/musicdl/plugins, and no binary folder under bun", () => {
  expect(resolvePluginDirs({ env: { HOME: "/home/u" }, binaryPath: null })).toEqual([
    "/home/u/.config/musicdl/plugins",
  ]);
});

test("a folder listed twice is searched once, at its first place", () => {
  const dirs = resolvePluginDirs({ configDirs: ["/home/u/.config/musicdl/plugins", "/a"], env: { HOME: "/home/u" } });
  expect(dirs).toEqual(["/home/u/.config/musicdl/plugins", "/a"]);
});

test("only a compiled binary (entry in Bun's embedded filesystem) looks beside itself", () => {
  expect(compiledBinaryPath("/$bunfs/root/musicdl", "/opt/musicdl/musicdl")).toBe("/opt/musicdl/musicdl");
  expect(compiledBinaryPath("B:/~BUN/root/musicdl.exe", "C:\\musicdl.exe")).toBe("C:\\musicdl.exe");
  expect(compiledBinaryPath("/work/src/main.ts", "/usr/bin/bun")).toBeNull();
});

test("plugins are found one level deep, in folder order then name order, skipping helpers and tests", () => {
  using first = createTempDir();
  using second = createTempDir();
  first.write("zeta.ts", "");
  first.write("alpha.mjs", "");
  first.write("bundle/index.js", "");
  first.write("bundle/helper.ts", "");
  first.write("no-index/thing.ts", "");
  first.write("_shared.ts", "");
  first.write(".hidden.ts", "");
  first.write("types.d.ts", "");
  first.write("zeta.test.ts", "");
  first.write("README.md", "");
  first.write("deep/nested/index.ts", "");
  second.write("beta.ts", "");
  const found = discoverPluginFiles([first.path, join(first.path, "missing"), second.path]);
  expect(found.map((plugin) => [plugin.name, plugin.file])).toEqual([
    ["alpha", join(first.path, "alpha.mjs")],
    ["bundle", join(first.path, "bundle", "index.js")],
    ["zeta", join(first.path, "zeta.ts")],
    ["beta", join(second.path, "beta.ts")],
  ]);
});
