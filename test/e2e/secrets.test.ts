import { afterAll, beforeAll, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { startFakeWorld, type FakeWorld } from "../../fakes/world.ts";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

let world: FakeWorld;
beforeAll(async () => {
  world = await startFakeWorld({ catalog: createSmallCatalog() });
});
afterAll(() => world.stop());

test("the client secret and every token stay out of --json output, --debug logs and the cache file", async () => {
  using dir = createTempDir();
  const env = { ...world.env, XDG_CACHE_HOME: join(dir.path, "cache"), XDG_CONFIG_HOME: join(dir.path, "config") };
  const album = `https://open.spotify.com/album/${SMALL.albumId}`;
  const plan = await runCli(["plan", album, "--json", "--debug", "-o", join(dir.path, "music")], {
    env,
    cwd: dir.path,
  });
  const download = await runCli(["download", album, "--json", "--debug", "-o", join(dir.path, "music")], {
    env,
    cwd: dir.path,
  });
  expect(plan.exitCode).toBe(0);
  expect(download.exitCode).toBe(0);
  const secrets = [world.spotify.clientSecret, ...world.spotify.issuedSecrets()];
  expect(secrets.length).toBeGreaterThan(1);
  const cacheDir = join(dir.path, "cache", "musicdl");
  const cacheBytes = readdirSync(cacheDir).map((name) => readFileSync(join(cacheDir, name)).toString("latin1"));
  for (const text of [plan.stdout, plan.stderr, download.stdout, download.stderr, ...cacheBytes]) {
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
  }
  // The run did talk to Spotify with those credentials, and --json stdout is JSON only.
  expect(JSON.parse(plan.stdout).stats.tracks).toBe(3);
  for (const line of download.stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
});
