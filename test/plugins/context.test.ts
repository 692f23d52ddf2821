import { expect, test } from "bun:test";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { createBasicHttpClient, createPluginContext } from "../../src/plugins/context.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { providerSource } from "../helpers/plugin-files.ts";

const SRC = join(import.meta.dir, "..", "..", "src");

test("a plugin that logs its options, or fails with a secret in the message, never prints the secret", async () => {
  using dir = createTempDir();
  const secrets = {
    api_key: "ak_9f8e7d6c5b4a3f2e",
    cookie: "SID=0123456789abcdef",
    nested: { password: "hunter2-but-longer" },
  };
  const prelude = `
    ctx.log.info("starting with", ctx.options);
    ctx.log.warn("my key is " + ctx.options.api_key + " and my password " + ctx.options.nested.password);`;
  dir.write(
    "plugins/leaky.ts",
    providerSource("leaky", {
      prelude,
      body: `async search() { throw new Error("401 for cookie " + ctx.options.cookie); },`,
    }),
  );
  // The run's real path: openPlugins builds the context, callPlugin wraps the throw, reportError prints it.
  const script = dir.write(
    "run.ts",
    `import { openPlugins } from ${JSON.stringify(join(SRC, "plugins", "open.ts"))};
import { callPlugin } from ${JSON.stringify(join(SRC, "plugins", "call.ts"))};
import { reportError } from ${JSON.stringify(join(SRC, "cli", "run.ts"))};
const { registry } = await openPlugins({ pluginsDirs: [${JSON.stringify(join(dir.path, "plugins"))}], pluginOptions: { leaky: ${JSON.stringify(secrets)} } });
const [leaky] = registry.providersInOrder(["leaky"]);
try { await callPlugin(leaky!, "search", () => leaky!.search({} as never, { limit: 1 })); } catch (error) { process.exitCode = reportError(error, false); }
`,
  );
  const proc = Bun.spawn([process.execPath, script], {
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  const output = stdout + stderr;
  expect(exitCode).toBe(1);
  expect(stderr).toContain("[leaky]");
  expect(stderr).toContain("error: plugin leaky: search() failed: 401 for cookie [redacted]");
  for (const secret of ["ak_9f8e7d6c5b4a3f2e", "0123456789abcdef", "hunter2-but-longer"])
    expect(output).not.toContain(secret);
});

test("the context hands over options, valibot, the version and per-plugin folders created on first use", async () => {
  using root = createTempDir();
  const ctx = createPluginContext({
    name: "bandcamp",
    options: { limit: 3 },
    http: createBasicHttpClient(async () => new Response("pong")),
    dirs: { cache: join(root.path, "cache"), temp: join(root.path, "tmp") },
    ffmpegPath: "/usr/bin/ffmpeg",
    version: "9.9.9",
  });
  expect(ctx.options).toEqual({ limit: 3 });
  expect(ctx.v.parse(ctx.v.object({ limit: ctx.v.number() }), ctx.options)).toEqual({ limit: 3 });
  expect(ctx.v).toBe(v);
  expect(ctx.musicdlVersion).toBe("9.9.9");
  expect(ctx.ffmpegPath).toBe("/usr/bin/ffmpeg");
  expect(await (await ctx.http.fetch("http://127.0.0.1:1/")).text()).toBe("pong");
  expect(existsSync(join(root.path, "cache"))).toBe(false);
  expect(ctx.dirs.cache).toBe(join(root.path, "cache", "plugins", "bandcamp"));
  expect(ctx.dirs.temp).toBe(join(root.path, "tmp", "bandcamp"));
  expect(statSync(ctx.dirs.cache).isDirectory()).toBe(true);
});
