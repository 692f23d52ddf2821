import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Catalog, createCatalog } from "../../fakes/spotify/index.ts";
import type { FakeWorld } from "../../fakes/world.ts";
import {
  createLibraryRun,
  type LibraryRun,
  mediaBytesByVideo,
  spotifyUrl,
  startOpusWorld,
  titlesOf,
  waitUntil,
} from "./_library-run.ts";

// Artist 1 has two albums and two singles, the first a lead single (same ISRC as an album track, another track
// id); the playlists draw from every track, so they overlap the artists, the albums and each other.
const catalog: Catalog = createCatalog({
  seed: 11,
  artists: [
    { albums: 2, singles: 2, tracksPerAlbum: 3 },
    { albums: 2, singles: 0, tracksPerAlbum: 3 },
  ],
  playlists: [{ size: 5, nulls: 1 }, { size: 5 }],
});
const [artist1, artist2] = catalog.mainArtistIds as [string, string];
const albumsOf = (artistId: string) =>
  catalog.releases
    .get(artistId)!
    .filter((r) => r.group === "album")
    .map((r) => r.albumId);
const [album1a] = albumsOf(artist1) as [string];
const [album2a] = albumsOf(artist2) as [string];
const [playlistA, playlistB] = [...catalog.playlists.keys()] as [string, string];

interface Sources {
  playlists?: string[];
  albums?: string[];
  artists?: string[];
}

function trackIdsOf(sources: Sources): string[] {
  return [
    ...(sources.albums ?? []).flatMap((id) => catalog.albums.get(id)!.trackIds),
    ...(sources.playlists ?? []).flatMap((id) =>
      catalog.playlists.get(id)!.entries.flatMap((e) => (e.type === "track" ? [e.trackId] : [])),
    ),
    ...(sources.artists ?? []).flatMap((id) =>
      catalog.releases
        .get(id)!
        .filter((r) => r.group === "album" || r.group === "single")
        .flatMap((r) => catalog.albums.get(r.albumId)!.trackIds),
    ),
  ];
}
/** Distinct recordings (ISRCs) the sources list: what should end up as files. */
const recordingsOf = (sources: Sources) => new Set(trackIdsOf(sources).map((id) => catalog.tracks.get(id)!.isrc!));

function configure(run: LibraryRun, sources: Sources, extra?: string): void {
  run.writeConfig(
    {
      playlists: (sources.playlists ?? []).map((id) => spotifyUrl("playlist", id)),
      albums: (sources.albums ?? []).map((id) => spotifyUrl("album", id)),
      artists: (sources.artists ?? []).map((id) => spotifyUrl("artist", id)),
    },
    extra,
  );
}

// Small Range requests and some latency make a run slow enough to stop halfway, and leave partial downloads.
const CHUNK_BYTES = 2048;
const SLOW = `plugins:\n  youtube-music:\n    chunk_bytes: ${CHUNK_BYTES}\n`;

/** Fails naming the video when the fake served any video more than once (the one chunk in flight at a kill aside). */
async function expectNoVideoDownloadedTwice(world: FakeWorld, from: number): Promise<void> {
  for (const [videoId, bytes] of mediaBytesByVideo(world, from)) {
    const size = statSync(await world.youtube.audioFile(videoId, 251)).size;
    expect(bytes, `video ${videoId}: ${bytes} bytes served for a ${size}-byte file`).toBeLessThanOrEqual(
      size + CHUNK_BYTES,
    );
  }
}

let world: FakeWorld;
beforeAll(async () => {
  world = await startOpusWorld(catalog);
});
afterEach(() => world.youtube.setLatency(0));
afterAll(async () => {
  await world.stop();
});

describe("musicdl download", () => {
  test("overlapping playlists, albums and an artist download each recording once; every M3U is complete and in order", async () => {
    using run = createLibraryRun(world);
    const from = world.youtube.requests.length;
    const sources = { playlists: [playlistA, playlistB], albums: [album1a, album2a], artists: [artist1] };
    configure(run, sources);
    const result = await run.run();

    expect(result.exitCode, result.stderr).toBe(0);
    const recordings = recordingsOf(sources);
    expect(new Set(trackIdsOf(sources)).size).toBeGreaterThan(recordings.size); // an ISRC duplicate is in play
    expect(run.audioFiles()).toHaveLength(recordings.size);
    const downloaded = [...mediaBytesByVideo(world, from).keys()];
    expect(downloaded).toHaveLength(recordings.size);
    for (const videoId of downloaded) expect(world.youtube.downloadsOf(videoId)).toHaveLength(1);
    for (const id of sources.playlists) {
      expect(run.m3uTitles(catalog.playlists.get(id)!.name)).toEqual(titlesOf(catalog, "playlist", id));
    }
    for (const id of sources.albums) {
      expect(run.m3uTitles(catalog.albums.get(id)!.name)).toEqual(titlesOf(catalog, "album", id));
    }
    expect(run.tempFiles()).toEqual([]);
  }, 30_000);

  test("after kill -9 halfway, the next run finishes with every track once, nothing downloaded twice, no temp files", async () => {
    using run = createLibraryRun(world);
    const from = world.youtube.requests.length;
    const sources = { albums: [album1a], artists: [artist2] };
    const total = recordingsOf(sources).size;
    configure(run, sources, SLOW);
    world.youtube.setLatency(25);
    const first = run.spawn();
    await waitUntil("two tracks are in the library", () => run.audioFiles().length >= 2);
    first.process.kill("SIGKILL");
    await first.result;
    expect(first.process.signalCode).toBe("SIGKILL");
    expect(run.audioFiles().length).toBeLessThan(total);
    world.youtube.setLatency(0);

    const second = await run.run();
    expect(second.exitCode, second.stderr).toBe(0);
    expect(run.audioFiles()).toHaveLength(total);
    expect(run.tempFiles()).toEqual([]);
    expect(mediaBytesByVideo(world, from).size).toBe(total);
    await expectNoVideoDownloadedTwice(world, from);
    expect(run.savedPlan().filter((item) => item.status !== "done" && item.status !== "skipped")).toEqual([]);
  }, 30_000);

  test("SIGINT halfway exits 130 saying progress was saved; finished items are done, none stuck; a re-run completes", async () => {
    using run = createLibraryRun(world);
    const from = world.youtube.requests.length;
    const sources = { albums: [album1a], artists: [artist2] };
    configure(run, sources, SLOW);
    world.youtube.setLatency(25);
    const first = run.spawn();
    await waitUntil("two tracks are in the library", () => run.audioFiles().length >= 2);
    first.process.kill("SIGINT");
    const interrupted = await first.result;

    expect(interrupted.exitCode, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toContain("Interrupted; progress was saved.");
    const saved = run.savedPlan();
    expect(saved.filter((item) => ["matching", "downloading", "tagging"].includes(item.status))).toEqual([]);
    const doneTargets = saved.filter((item) => item.kind === "track" && item.status === "done").map((i) => i.target);
    expect(doneTargets.sort()).toEqual(run.audioFiles().map((file) => join(run.library, file)));
    expect(run.tempFiles()).toEqual([]);
    world.youtube.setLatency(0);

    const again = await run.run();
    expect(again.exitCode, again.stderr).toBe(0);
    expect(run.audioFiles()).toHaveLength(recordingsOf(sources).size);
    await expectNoVideoDownloadedTwice(world, from);
  }, 30_000);

  test("a changed config adds an album, reports a removed playlist's tracks and M3U without deleting them; --prune deletes only musicdl's files", async () => {
    using run = createLibraryRun(world);
    configure(run, { playlists: [playlistA, playlistB] });
    expect((await run.run()).exitCode).toBe(0);
    const before = run.audioFiles();

    const now = { playlists: [playlistA], albums: [album2a] };
    const onlyB = [...recordingsOf({ playlists: [playlistB] })].filter((isrc) => !recordingsOf(now).has(isrc));
    expect(onlyB.length).toBeGreaterThan(0);
    configure(run, now);
    const changed = await run.run();
    expect(changed.exitCode, changed.stderr).toBe(0);
    expect(changed.stderr).toContain(`${onlyB.length} track(s) no longer listed by any source (kept on disk`);
    const m3uOf = (id: string) => join(run.library, `${catalog.playlists.get(id)!.name}.m3u8`);
    expect(changed.stderr).toContain("1 M3U file(s) of sources no longer in the config (kept on disk");
    expect(existsSync(m3uOf(playlistB))).toBe(true);
    const after = run.audioFiles();
    expect(after).toHaveLength(recordingsOf({ playlists: [playlistA, playlistB], albums: [album2a] }).size);
    for (const file of before) expect(after).toContain(file);

    const ownFile = join(run.library, "My Own", "demo take.opus");
    mkdirSync(join(run.library, "My Own"), { recursive: true });
    writeFileSync(ownFile, "not musicdl's");
    const pruned = await run.run(["--prune"]);
    expect(pruned.exitCode, pruned.stderr).toBe(0);
    expect(pruned.stderr).toContain(`${onlyB.length} file(s) musicdl wrote for tracks no source lists were deleted`);
    expect(pruned.stderr).toContain("1 M3U file(s) of sources no longer in the config were deleted (--prune)");
    expect(existsSync(ownFile)).toBe(true);
    expect([m3uOf(playlistA), m3uOf(playlistB)].map(existsSync)).toEqual([true, false]);
    const remaining = run.audioFiles().filter((file) => !file.startsWith("My Own/"));
    expect(remaining).toHaveLength(recordingsOf(now).size);
    expect(after.filter((file) => !remaining.includes(file))).toHaveLength(onlyB.length);
  }, 40_000);

  test("--prune with links on the command line is refused before anything runs", async () => {
    using run = createLibraryRun(world);
    const result = await run.run([spotifyUrl("album", album2a), "--prune"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--prune works from the config's sources");
    expect(run.audioFiles()).toEqual([]);
  });
});
