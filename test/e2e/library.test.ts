/**
 * A user's library over several spawned runs against one fake world, in order: a first download where one track
 * has only decoys on YouTube (it fails with its candidates named; the rest finish; the M3Us leave it out), M3U
 * entries that resolve from the playlist's folder even after the library moves, a `skip` re-run that downloads
 * nothing, `overwrite: metadata` re-tagging in place after Spotify renamed the album, and `overwrite: overwrite`
 * downloading again and replacing the files atomically.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Catalog } from "../../fakes/spotify/index.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import type { CliResult } from "../helpers/run-cli.ts";
import { readTags } from "../helpers/read-back.ts";
import { albumUrl, listFiles, mediaRequests, probeFile, runMusicdl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const dir = createTempDir("musicdl-e2e-library-");
const home = join(dir.path, "home");
const library = join(dir.path, "music");
const configFile = join(dir.path, "musicdl.yaml");
const albumDir = join(library, "Harbor Lights", "Paper Boats");
const LANTERNS = join(albumDir, "01 - Lanterns.opus");
const UNDERTOW = join(albumDir, "01 - Undertow.opus");
const PAPER_BOATS_M3U = join(library, "Paper Boats.m3u8");
const ROAD_TRIP_M3U = join(library, "Road Trip.m3u8");

let catalog: Catalog;
let world: FakeWorld;

/** Writes the config (the album and the playlist, both with an M3U) with the given overwrite mode. */
function writeConfig(overwrite: "skip" | "metadata" | "overwrite"): void {
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      "  format: opus",
      `  overwrite: ${overwrite}`,
      // Spotify answers are cached for a day by default; the metadata run must see the renamed album.
      "  cache_ttl: 0",
      "albums:",
      `  - url: ${albumUrl(SMALL.albumId)}`,
      "    create_m3u: true",
      "playlists:",
      `  - https://open.spotify.com/playlist/${SMALL.playlistId}`,
      "",
    ].join("\n"),
  );
}

async function download(overwrite: "skip" | "metadata" | "overwrite"): Promise<CliResult> {
  writeConfig(overwrite);
  return runMusicdl(world, home, ["download", "-c", configFile, "-o", library]);
}

/** The path lines of an M3U, resolved from the M3U's own folder. */
function m3uTargets(m3u: string): string[] {
  const lines = readFileSync(m3u, "utf8").split("\n");
  return lines.filter((line) => line !== "" && !line.startsWith("#")).map((line) => resolve(dirname(m3u), line));
}

beforeAll(async () => {
  catalog = createSmallCatalog();
  world = await startFakeWorld({ catalog, decoysOnly: new Set([SMALL.trackIds.tideTables]) });
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

describe("a library over several runs", () => {
  let first: CliResult;

  test("a track with only decoys fails naming its best candidates; the others finish", async () => {
    first = await download("skip");
    expect(first.exitCode).toBe(1);
    expect(listFiles(library)).toEqual([PAPER_BOATS_M3U, ROAD_TRIP_M3U, LANTERNS, UNDERTOW].sort());
    const failure = first.stderr.split("\n").find((line) => line.includes("failed Harbor Lights - Tide Tables"));
    expect(failure).toBeDefined();
    // The reason names the candidates that lost, each with its score and why.
    expect(failure).toContain('no acceptable match for "Tide Tables" by Harbor Lights');
    expect(failure).toMatch(/"Tide Tables \(Live\)" by Harbor Lights \d\.\d\d .*unwanted-words/);
    expect(failure).toMatch(/"Tide Tables \(Karaoke Version\)" by Sing King \d\.\d\d/);
    // 2 tracks done and 2 M3Us written, the refused track counted as failed.
    expect(first.stderr).toContain("tracks: done 2 · skipped 0 · failed 1 · M3U files written 2");
    expect(first.stderr).toMatch(/2 M3U entries left out/);
    // No media was fetched for the refused track's decoys.
    const decoyFetches = mediaRequests(world).filter(
      (request) => request.videoId !== world.videoIdOf(SMALL.trackIds.lanterns),
    );
    expect(decoyFetches.map((request) => request.videoId)).toEqual([world.videoIdOf(SMALL.trackIds.undertow)]);
  });

  test("the failures file printed at the end lists the failed track with its reason", () => {
    const path = /Failures are listed in (.+)$/m.exec(first.stderr)?.[1];
    expect(path).toBeDefined();
    const rows = readFileSync(path!, "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toStartWith(
      `track:spotify:${SMALL.trackIds.tideTables}\tmatch\tHarbor Lights - Tide Tables\tno acceptable match`,
    );
  });

  test("M3U entries leave the failed track out and resolve from the M3U's folder, also after the library moves", () => {
    expect(m3uTargets(PAPER_BOATS_M3U)).toEqual([LANTERNS, UNDERTOW]);
    // Road Trip lists Lanterns twice (album track and lead single: one recording) and Tide Tables.
    expect(m3uTargets(ROAD_TRIP_M3U)).toEqual([LANTERNS, LANTERNS]);
    const moved = join(dir.path, "moved-music");
    renameSync(library, moved);
    try {
      for (const m3u of ["Paper Boats.m3u8", "Road Trip.m3u8"]) {
        const targets = m3uTargets(join(moved, m3u));
        expect(targets.length).toBe(2);
        for (const target of targets) {
          expect(target.startsWith(`${moved}/`)).toBe(true);
          expect(existsSync(target)).toBe(true);
        }
      }
    } finally {
      renameSync(moved, library);
    }
  });

  test("a re-run with overwrite: skip downloads nothing and leaves the files alone", async () => {
    const before = mediaRequests(world).length;
    const mtimes = [LANTERNS, UNDERTOW].map((file) => statSync(file).mtimeMs);
    const rerun = await download("skip");
    expect(mediaRequests(world).length).toBe(before);
    expect([LANTERNS, UNDERTOW].map((file) => statSync(file).mtimeMs)).toEqual(mtimes);
    // The refused track is tried again (and refused again); the rest is already present.
    expect(rerun.stderr).toContain("skipped 2 · failed 1");
    expect(rerun.exitCode).toBe(1);
  });

  test("overwrite: metadata re-tags the files in place after Spotify renamed the album, without downloading", async () => {
    catalog.albums.get(SMALL.albumId)!.name = "Paper Boats (Deluxe)";
    const before = mediaRequests(world).length;
    const searchesBefore = world.youtube.requests.filter((request) => request.path.endsWith("/search")).length;
    const commentBefore = (await readTags(LANTERNS)).common.comment;
    const run = await download("metadata");
    expect(run.exitCode).toBe(1);
    expect(mediaRequests(world).length).toBe(before);
    // Same files, same place (musicdl keeps a track where it put it), new tags.
    expect(listFiles(albumDir)).toEqual([LANTERNS, UNDERTOW]);
    for (const file of [LANTERNS, UNDERTOW]) expect((await readTags(file)).common.album).toBe("Paper Boats (Deluxe)");
    // The album's M3U follows the new name; no stale copy under the old one.
    expect(existsSync(join(library, "Paper Boats (Deluxe).m3u8"))).toBe(true);
    expect(existsSync(PAPER_BOATS_M3U)).toBe(false);
    // Tags that came from the match (the source URL) survive the re-tag.
    expect(commentBefore?.[0]?.text).toContain(world.videoIdOf(SMALL.trackIds.lanterns));
    expect((await readTags(LANTERNS)).common.comment).toEqual(commentBefore!);
    // Only the refused track searched again.
    const searches = world.youtube.requests.filter((request) => request.path.endsWith("/search")).length;
    expect(searches - searchesBefore).toBeLessThanOrEqual(2);
  });

  test("overwrite: overwrite downloads again and replaces each file atomically", async () => {
    const inodes = [LANTERNS, UNDERTOW].map((file) => statSync(file).ino);
    const before = mediaRequests(world).length;
    const run = await download("overwrite");
    expect(run.exitCode).toBe(1);
    const fetched = mediaRequests(world)
      .slice(before)
      .map((request) => request.videoId);
    expect(fetched.sort()).toEqual(
      [world.videoIdOf(SMALL.trackIds.lanterns), world.videoIdOf(SMALL.trackIds.undertow)].sort(),
    );
    // A new file renamed over the old one (a new inode), never the old file rewritten in place; no temp files left.
    expect([LANTERNS, UNDERTOW].map((file) => statSync(file).ino)).not.toEqual(inodes);
    expect(listFiles(albumDir)).toEqual([LANTERNS, UNDERTOW]);
    expect(listFiles(library).filter((file) => file.includes(".musicdl-"))).toEqual([]);
    for (const file of [LANTERNS, UNDERTOW]) {
      expect((await probeFile(file)).codec).toBe("opus");
      expect((await readTags(file)).common.album).toBe("Paper Boats (Deluxe)");
    }
  });
});
