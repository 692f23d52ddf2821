import { expect, test } from "bun:test";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PluginContext } from "../../src/plugins/api.ts";
import { openPlugins } from "../../src/plugins/open.ts";
import { pluginTempRoot } from "../../src/util/dirs.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

/** A provider that leaves a file in its temp folder while it sets up, and tells where. */
function scratchyPlugin(seen: { temp?: string }) {
  return {
    name: "scratchy",
    load: async () => (ctx: PluginContext) => ({
      apiVersion: 1 as const,
      kind: "provider" as const,
      name: "scratchy",
      setup() {
        seen.temp = ctx.dirs.temp;
        writeFileSync(join(ctx.dirs.temp, "half-done.part"), "x");
      },
      search: async () => [],
      download: async () => {
        throw new Error("not used");
      },
    }),
  };
}

/** Loads only the scratchy plugin, with its folders under `dir` (the temp root too, when given). */
function openScratchy(dir: string, seen: { temp?: string }, tempDir?: string) {
  return openPlugins({
    builtins: [scratchyPlugin(seen)],
    noExternal: true,
    cacheDir: join(dir, "cache"),
    ...(tempDir ? { tempDir } : {}),
    env: { HOME: dir },
  });
}

test("a plugin's temp folder, and what it left there, is gone once the plugins are disposed", async () => {
  using dir = createTempDir();
  const seen: { temp?: string } = {};
  const { registry } = await openScratchy(dir.path, seen, join(dir.path, "temp"));
  await registry.setupAll();
  expect(seen.temp).toBe(join(dir.path, "temp", "scratchy"));
  expect(existsSync(join(seen.temp!, "half-done.part"))).toBe(true);
  await registry.disposeAll();
  expect(existsSync(seen.temp!)).toBe(false);
  // A temp root the caller chose stays; only the plugins' own folders go.
  expect(existsSync(join(dir.path, "temp"))).toBe(true);
});

test("by default the temp root is this process's own, and it goes too", async () => {
  using dir = createTempDir();
  const seen: { temp?: string } = {};
  const { registry } = await openScratchy(dir.path, seen);
  await registry.setupAll();
  expect(seen.temp).toBe(join(pluginTempRoot(), "scratchy"));
  await registry.disposeAll();
  expect(existsSync(pluginTempRoot())).toBe(false);
});
