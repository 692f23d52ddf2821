import { expect, test } from "bun:test";
import { join } from "node:path";
import type { PluginContext } from "../../src/plugins/api.ts";
import { openPlugins } from "../../src/plugins/open.ts";
import { redact } from "../../src/util/redact.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

test("the config's download.cookies reaches every plugin as ctx.cookiesFile, and its path is kept out of logs", async () => {
  using dir = createTempDir();
  const seen = new Map<string, string | undefined>();
  const provider = (name: string) => ({
    name,
    load: async () => (ctx: PluginContext) => {
      seen.set(name, ctx.cookiesFile);
      return {
        apiVersion: 1 as const,
        kind: "provider" as const,
        name,
        search: async () => [],
        download: async () => ({}) as never,
      };
    },
  });
  const cookiesFile = join(dir.path, "private-logins", "cookies.txt");
  await openPlugins({
    builtins: [provider("first"), provider("second")],
    noExternal: true,
    cookiesFile,
    cacheDir: join(dir.path, "cache"),
    env: { HOME: dir.path },
  });
  expect([...seen]).toEqual([
    ["first", cookiesFile],
    ["second", cookiesFile],
  ]);
  expect(redact(`reading ${cookiesFile}`)).not.toContain("private-logins");
});
