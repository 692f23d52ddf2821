/**
 * Upgrading over a library written before tracks had a source: the store (schema 4, Spotify ids as keys) is
 * migrated in place, and the re-run finds every file, search, lyrics answer and pin it had: nothing is fetched.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, expect, test } from "bun:test";
import { renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { PlanItem } from "../../src/plan/model.ts";
import { openStore } from "../../src/store/index.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { writeSchema4Store } from "./_schema-4-store.ts";
import { createLibraryRun, mediaBytesByVideo, spotifyUrl } from "./_library-run.ts";

let world: FakeWorld;
beforeAll(async () => {
  world = await startFakeWorld({
    catalog: createSmallCatalog(),
    audioSeconds: 2,
    formatsOf: () => ["opus"],
    lyricsOf: (track) => (track.id === SMALL.trackIds.undertow ? "instrumental" : "synced"),
  });
});
afterAll(async () => {
  await world.stop();
});

const searches = () => world.youtube.requests.filter((request) => request.path === "/youtubei/v1/search").length;

test("a schema-4 store is migrated in place: the re-run downloads, searches and looks up nothing", async () => {
  using run = createLibraryRun(world);
  run.writeConfig({ albums: [spotifyUrl("album", SMALL.albumId)] }, "  lyrics_output: both");
  const first = await run.run();
  expect(first.exitCode, first.stderr).toBe(0);
  const files = run.audioFiles();
  expect(files.length).toBeGreaterThan(1);
  const mtimes = files.map((file) => statSync(join(run.library, file)).mtimeMs);

  // The same state as the last release would have left it, plus a pin from `match --pin`.
  const pinnedVideo = world.videoIdOf(SMALL.trackIds.lanterns);
  const current = new Database(run.cachePath, { readonly: true });
  const legacyPath = `${run.cachePath}.schema4`;
  writeSchema4Store(current, legacyPath);
  current.close();
  const legacy = new Database(legacyPath);
  legacy
    .query("INSERT INTO pins (track_id, target, pinned_at_ms) VALUES (?, ?, 1)")
    .run(SMALL.trackIds.lanterns, `https://music.youtube.com/watch?v=${pinnedVideo}`);
  legacy.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${run.cachePath}${suffix}`, { force: true });
  renameSync(legacyPath, run.cachePath);

  const media = world.youtube.requests.length;
  const [searched, spotifyAsked, lyricsAsked] = [
    searches(),
    world.spotify.apiRequests().length,
    world.lrclib.requests.length,
  ];
  const again = await run.run();
  expect(again.exitCode, again.stderr).toBe(0);
  expect([...mediaBytesByVideo(world, media).keys()]).toEqual([]);
  expect(searches() - searched).toBe(0);
  expect(world.spotify.apiRequests().length - spotifyAsked).toBe(0);
  expect(world.lrclib.requests.length - lyricsAsked).toBe(0);
  expect(run.audioFiles()).toEqual(files);
  expect(files.map((file) => statSync(join(run.library, file)).mtimeMs)).toEqual(mtimes);

  const store = openStore(run.cachePath);
  try {
    const items = store.plans.loadPlan<PlanItem>(run.library) ?? [];
    const tracks = items.flatMap((item) => (item.kind === "track" ? [item] : []));
    expect(tracks.length).toBe(files.length);
    for (const item of tracks) {
      expect(item.id).toBe(`track:spotify:${item.track.id}`);
      expect(item.track).toMatchObject({
        source: "spotify",
        url: `https://open.spotify.com/track/${item.track.id}`,
        tags: { SPOTIFY_ID: item.track.id, SPOTIFY_URL: `https://open.spotify.com/track/${item.track.id}` },
      });
      expect(store.library(run.library).isPresentAndComplete(`spotify:${item.track.id}`).present).toBe(true);
      // Only the saved plan knows which recording a present file came from: its item carried over by id.
      expect(item.match?.candidate.id).toBe(world.videoIdOf(item.track.id));
      // A file deleted later is searched for and looked up again from these caches, not from the services.
      expect(store.search.get("youtube-music", `spotify:${item.track.id}`)?.length).toBeGreaterThan(0);
      expect(store.lyrics.get("lrclib", `spotify:${item.track.id}`)).toBeTruthy();
    }
    const m3u = items.find((item) => item.kind === "m3u");
    expect(m3u?.kind === "m3u" && m3u.entries).toEqual(tracks.map((item) => item.id));
    const lyrics = store.lyricsIndex(run.library);
    expect(lyrics.get(`spotify:${SMALL.trackIds.undertow}`)?.answer).toBe("instrumental");
    expect(lyrics.get(`spotify:${SMALL.trackIds.lanterns}`)?.lrc).toBeDefined();
    expect(store.pins.all()).toEqual({
      [`spotify:${SMALL.trackIds.lanterns}`]: `https://music.youtube.com/watch?v=${pinnedVideo}`,
    });
  } finally {
    store.close();
  }
  const plan = await run.plan(["--json"]);
  const planned = JSON.parse(plan.stdout) as { items: { id: string; pinned?: boolean }[] };
  expect(planned.items.find((item) => item.id === `track:spotify:${SMALL.trackIds.lanterns}`)?.pinned).toBe(true);
}, 60_000);
