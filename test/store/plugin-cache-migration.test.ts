/**
 * Migration 6: the Spotify client's `spotify_cache` becomes the plugins' keyed cache. A store as the previous
 * release left it (its rows written the way that client wrote them) is migrated, and the Spotify source plugin, run
 * on it through `ctx.cache`, resolves the same sources with the requests of an unchanged re-run and no more (the
 * one snapshot check a playlist always costs).
 */
import { Database } from "bun:sqlite";
import { expect, test } from "bun:test";
import { join } from "node:path";
import createSpotifySource from "../../plugins/spotify/index.ts";
import { createSpotifyClient, type SpotifyCache } from "../../plugins/spotify/client.ts";
import type { KeyedCache, SourcePlugin } from "../../src/plugins/api.ts";
import { createBasicHttpClient, createPluginContext } from "../../src/plugins/context.ts";
import { openStore } from "../../src/store/index.ts";
import { APPLICATION_ID, MIGRATIONS, PLUGIN_CACHE_MIGRATION } from "../../src/store/migrations.ts";
import { SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { disposable, spotifyCore, testSettings } from "../helpers/spotify.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const SOURCES = [
  { kind: "album", id: SMALL.albumId },
  { kind: "playlist", id: SMALL.playlistId },
  { kind: "track", id: SMALL.trackIds.undertow },
] as const;

/** The schema just before migration 6, with the rows the old client's cache would have written into `spotify_cache`. */
function writeOldStore(path: string, rows: readonly { key: string; value: unknown; ttlS: number | null }[]): void {
  const old = new Database(path);
  for (const migration of MIGRATIONS.slice(0, MIGRATIONS.indexOf(PLUGIN_CACHE_MIGRATION))) {
    if (typeof migration === "string") old.run(migration);
    else migration(old);
  }
  old.run(`PRAGMA application_id = ${APPLICATION_ID}`);
  old.run(`PRAGMA user_version = ${MIGRATIONS.indexOf(PLUGIN_CACHE_MIGRATION)}`);
  const now = Date.now();
  const insert = old.query(
    "INSERT OR REPLACE INTO spotify_cache (key, value, expires_at_ms, accessed_at_ms) VALUES (?, ?, ?, ?)",
  );
  for (const row of rows)
    insert.run(row.key, JSON.stringify(row.value), row.ttlS === null ? null : now + row.ttlS * 1000, now);
  old.run("INSERT INTO counters (name, value) VALUES ('spotify.hits', 7), ('spotify.misses', 3)");
  old.close();
}

function spotifySource(
  cache: KeyedCache,
  fake: { apiUrl: string; accountsUrl: string; clientId: string; clientSecret: string },
): SourcePlugin {
  const previous = [process.env.MUSICDL_SPOTIFY_API_URL, process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL];
  process.env.MUSICDL_SPOTIFY_API_URL = fake.apiUrl;
  process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL = fake.accountsUrl;
  try {
    const ctx = createPluginContext({
      name: "spotify",
      options: undefined,
      http: createBasicHttpClient(),
      dirs: { cache: "/nonexistent", temp: "/nonexistent" },
      ffmpegPath: null,
      version: "0.0.0-test",
      cache,
      settings: testSettings(),
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
      builtin: true,
      env: { XDG_CONFIG_HOME: "/nonexistent" },
    });
    return createSpotifySource(ctx);
  } finally {
    process.env.MUSICDL_SPOTIFY_API_URL = previous[0];
    process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL = previous[1];
    if (previous[0] === undefined) delete process.env.MUSICDL_SPOTIFY_API_URL;
    if (previous[1] === undefined) delete process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL;
  }
}

async function resolveAll(source: SourcePlugin): Promise<string[]> {
  const resolved = await Promise.all(SOURCES.map((ref) => source.resolve({ ...ref, input: ref.id }, {})));
  return resolved.flatMap((entry) => entry.tracks.map((track) => track.id));
}

test("a store from before the Spotify plugin is migrated: a re-run sends only what an unchanged re-run sends", async () => {
  await using fake = disposable(startFakeSpotify());
  // The previous release's run: its client filling its cache (what it stored, with which expiry).
  const rows: { key: string; value: unknown; ttlS: number | null }[] = [];
  const recording: SpotifyCache = {
    get: (key) => rows.findLast((row) => row.key === key)?.value,
    set: (key, value, ttlS) => void rows.push({ key, value, ttlS }),
  };
  const oldClient = () =>
    createSpotifyClient({
      ...spotifyCore(),
      settings: testSettings({ clientId: fake.clientId, clientSecret: fake.clientSecret }),
      apiUrl: fake.apiUrl,
      accountsUrl: fake.accountsUrl,
      authFile: "/nonexistent/auth.json",
      cache: recording,
    });
  const cold = fake.apiRequests().length;
  const expected = (await Promise.all(SOURCES.map((ref) => oldClient().resolve(ref)))).flatMap((s) =>
    s.tracks.map((t) => t.id),
  );
  expect(rows.length).toBeGreaterThan(0);
  // What an unchanged re-run costs on the old cache: the playlist's snapshot check, nothing else.
  const rerun = fake.apiRequests().length;
  await Promise.all(SOURCES.map((ref) => oldClient().resolve(ref)));
  const unchangedRerun = fake
    .apiRequests()
    .slice(rerun)
    .map((r) => r.path);
  expect(unchangedRerun.length).toBeLessThan(rerun - cold);

  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  writeOldStore(path, rows);
  const log = createRecordingLog();
  const store = openStore(path, { clock: createFakeClock(Date.now()), log });
  expect(store.stats().schemaVersion).toBe(MIGRATIONS.length);
  const sent = fake.apiRequests().length;
  const tracks = await resolveAll(spotifySource(store.plugins.forPlugin("spotify"), fake));
  expect(tracks).toEqual(expected);
  expect(
    fake
      .apiRequests()
      .slice(sent)
      .map((r) => r.path),
  ).toEqual(unchangedRerun);
  // The counters carried over too, under the table's new name.
  expect(store.stats().plugins).toMatchObject({ hits: expect.any(Number), misses: 3 });
  expect(store.stats().plugins.hits).toBeGreaterThan(7);
  expect(log.warnings).toEqual([]);
  store.close();
});

test("without the carried-over rows the same re-run does ask Spotify (the test above can fail)", async () => {
  await using fake = disposable(startFakeSpotify());
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  writeOldStore(path, []);
  const store = openStore(path, { clock: createFakeClock(Date.now()), log: createRecordingLog() });
  const sent = fake.apiRequests().length;
  await resolveAll(spotifySource(store.plugins.forPlugin("spotify"), fake));
  expect(fake.apiRequests().length - sent).toBeGreaterThan(0);
  store.close();
});

test("each plugin sees only its own keys in the shared table", () => {
  using dir = createTempDir();
  const store = openStore(join(dir.path, "musicdl.sqlite"), { clock: createFakeClock(), log: createRecordingLog() });
  store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ" }, null);
  store.plugins.forPlugin("deezer").set("track:1", { name: "Limelight" }, null);
  expect(store.plugins.forPlugin("spotify").get("track:1")).toEqual({ name: "YYZ" });
  expect(store.plugins.forPlugin("deezer").get("track:1")).toEqual({ name: "Limelight" });
  expect(store.plugins.forPlugin("tidal").get("track:1")).toBeUndefined();
  store.close();
});
