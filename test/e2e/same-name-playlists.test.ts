/**
 * Two playlists Spotify names alike (yours and a friend's, both "Road Trip") each keep their own M3U: the second is
 * written as `Road Trip (2).m3u8` instead of overwriting the first, and the names stay put on a re-run.
 */
import { beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { listFiles, runMusicdl, useFakeWorldFolder } from "../helpers/fake-world-folder.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const folder = useFakeWorldFolder("musicdl-e2e-same-name-", () => {
  const catalog = createSmallCatalog();
  catalog.playlists.get(SMALL.foreignPlaylistId)!.name = "Road Trip";
  return catalog;
});
const { home, library, configFile } = folder;

beforeAll(() => {
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      "  format: opus",
      "playlists:",
      `  - https://open.spotify.com/playlist/${SMALL.playlistId}`,
      `  - https://open.spotify.com/playlist/${SMALL.foreignPlaylistId}`,
      "",
    ].join("\n"),
  );
});

const tracksIn = (m3u: string) =>
  readFileSync(join(library, m3u), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split("/").at(-1));

test("two playlists with one name get an M3U each, and keep them on a re-run", async () => {
  for (let run = 1; run <= 2; run++) {
    const result = await runMusicdl(folder.world, home, ["download", "-c", configFile, "-o", library]);
    expect(result.exitCode).toBe(0);
    const m3us = listFiles(library)
      .filter((file) => file.endsWith(".m3u8"))
      .map((file) => file.slice(library.length + 1));
    // Ids decide who keeps the plain name, as for tracks: the friend's playlist id sorts first.
    expect(m3us).toEqual(["Road Trip (2).m3u8", "Road Trip.m3u8"]);
    expect(tracksIn("Road Trip.m3u8")).toEqual(["01 - Undertow.opus"]);
    expect(tracksIn("Road Trip (2).m3u8")).toEqual([
      "01 - Lanterns.opus",
      "02 - Tide Tables.opus",
      "01 - Lanterns.opus",
    ]);
  }
});
