/** A careless plugin logging its token, cookie and request headers never gets them into musicdl's output or its files. */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createRunDir, startPluginWorld, type PluginWorld } from "../helpers/plugin-run.ts";
import { toneProviderSource } from "../helpers/tone-provider.ts";

// A spawned run pays for loading the built-ins (youtubei.js alone takes ~2 s under `bun src/main.ts`).
setDefaultTimeout(30_000);

let world: PluginWorld;
beforeAll(async () => {
  world = await startPluginWorld();
});
afterAll(() => world.stop());

const TOKEN = "tok_9f8e7d6c5b4a39281706";
const COOKIE = "SID=Qm9keUJhZ2dhZ2U0MjQy; HSID=AbCdEf0123";

// Everything a plugin author might do wrong with credentials, short of printing them with console.log.
const prelude = `
  ctx.log.info("starting with", options);
  const headers = new Headers({ Authorization: "Bearer " + options.token, Cookie: options.cookie, Accept: "audio/*" });
  ctx.log.warn("request headers", headers, { headers: { cookie: options.cookie, "x-goog-visitor-id": "visitor" } });
  ctx.log.info("using token " + options.token + " and cookie " + options.cookie);
  ctx.log.debug("debug: " + JSON.stringify(options));`;
// The upstream "echoes" the credentials into its error, which becomes the track's failure reason.
const onSearch = `if (track.title === "Undertow") throw new Error("401 for token " + options.token + ", cookie " + options.cookie);`;

test("secrets from plugin options never reach stdout, stderr, the failures file or the cache", async () => {
  using dir = createRunDir(world);
  const pluginFile = dir.write("my-plugins/tone-box.ts", toneProviderSource("tone-box", { prelude, onSearch }));
  const configFile = dir.writeConfig({
    audioProviders: ["tone-box"],
    pluginsDir: "my-plugins",
    plugins: { "tone-box": { tone: world.tone, token: TOKEN, cookie: COOKIE } },
  });

  const run = await dir.run(["download", "--debug"]);
  expect(run).toMatchObject({ exitCode: 1 });
  // The plugin did log, and the failure is reported, just without the values.
  expect(run.stderr).toContain("[tone-box]");
  expect(run.stderr).toContain("audio/*");
  expect(run.stderr).toMatch(/failed Harbor Lights - Undertow.*plugin tone-box: search\(\) failed: 401 for token/);
  const output = `${run.stdout}\n${run.stderr}`;
  for (const secret of [TOKEN, COOKIE, "Qm9keUJhZ2dhZ2U0MjQy"]) expect(output).not.toContain(secret);

  // Everything musicdl wrote (cache database, failures file, library) is clean too; the config and the
  // plugin source hold the values by design.
  const written = listFiles(dir.path).filter((file) => file !== configFile && file !== pluginFile);
  expect(written.some((file) => file.endsWith(".mp3"))).toBe(true);
  const leaking = written.filter((file) => {
    const bytes = readFileSync(file);
    return bytes.includes(TOKEN) || bytes.includes("Qm9keUJhZ2dhZ2U0MjQy");
  });
  expect(leaking.map((file) => relative(dir.path, file))).toEqual([]);
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
