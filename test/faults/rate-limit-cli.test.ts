/**
 * Issue 15, finding 5, as a user meets it: `musicdl plan` against a fake Spotify that answers a 429 whose
 * Retry-After is longer than spotify_max_wait. The run stops with exit 3 and one paragraph saying when to run again,
 * and the fake's log shows no request sent after that 429 (one request in flight at a time, so none was on its way).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCatalog, type FakeSpotify, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { runCli } from "../helpers/run-cli.ts";

let fake: FakeSpotify;
let dir: string;
const catalog = createCatalog({
  seed: 151,
  artists: [
    { albums: 8, singles: 4, tracksPerAlbum: [4, 8] },
    { albums: 6, singles: 2, tracksPerAlbum: [4, 8] },
  ],
  playlists: [{ size: 140 }],
});

beforeAll(() => {
  fake = startFakeSpotify({
    catalog,
    switches: { faults: [{ kind: "429", retryAfterS: 3600, path: "/v1/albums", after: 3 }] },
  });
  dir = mkdtempSync(join(tmpdir(), "musicdl-faults-429-"));
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("a Retry-After beyond spotify_max_wait ends the run with exit 3 and nothing more is sent", async () => {
  const config = join(dir, "musicdl.yaml");
  writeFileSync(
    config,
    [
      'version: "1.2"',
      "download:",
      `  cache_path: ${join(dir, "state", "musicdl.sqlite")}`,
      "  spotify_concurrency: 1",
      "  spotify_max_wait: 10m",
      "playlists:",
      ...[...catalog.playlists.keys()].map((id) => `  - https://open.spotify.com/playlist/${id}`),
      "artists:",
      ...catalog.mainArtistIds.map((id) => `  - https://open.spotify.com/artist/${id}`),
      "",
    ].join("\n"),
  );
  const result = await runCli(["plan", "--config", config, "--output", join(dir, "library")], {
    cwd: dir,
    env: {
      HOME: dir,
      XDG_CACHE_HOME: join(dir, "cache"),
      XDG_CONFIG_HOME: join(dir, "config"),
      MUSICDL_SPOTIFY_API_URL: fake.apiUrl,
      MUSICDL_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
      SPOTIFY_CLIENT_ID: fake.clientId,
      SPOTIFY_CLIENT_SECRET: fake.clientSecret,
    },
  });
  expect(result.exitCode).toBe(3);
  expect(result.stderr).toContain("3600 s pause");
  expect(result.stderr).toContain("run the same command again after");
  expect(result.stderr).not.toContain("    at ");
  const log = fake.apiRequests();
  expect(log.filter((entry) => entry.status === 429)).toHaveLength(1);
  expect(log.filter((entry) => entry.insideRetryAfter).map((entry) => entry.path)).toEqual([]);
}, 60_000);
