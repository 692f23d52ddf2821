/**
 * A source with no Spotify ids at all: a third-party source plugin in the user's plugins folder lists tracks of
 * its own, and the spawned CLI plans, downloads (from the fake YouTube), tags and writes the M3U, asking Spotify
 * nothing. The tags read back name the source's own id and link; a re-run finds every file in place.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TrackMeta } from "../../src/plugins/api.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import type { FakeWorld } from "../../fakes/world.ts";
import { makeTrack } from "../helpers/track-meta.ts";
import { nativeValues, readTags } from "../helpers/read-back.ts";
import { createLibraryRun, mediaBytesByVideo, startOpusWorld } from "./_library-run.ts";

const catalog = createSmallCatalog();
let world: FakeWorld;
beforeAll(async () => {
  world = await startOpusWorld(catalog);
});
afterAll(async () => {
  await world.stop();
});

/** The small catalog's album as a shop of its own would list it: its own ids and links, no ISRC, no Spotify. */
function shopTracks(): TrackMeta[] {
  const album = catalog.albums.get(SMALL.albumId)!;
  const artistName = (id: string) => catalog.artists.get(id)!.name;
  return album.trackIds.map((trackId, index) => {
    const track = catalog.tracks.get(trackId)!;
    const id = `paper-boats/${index + 1}`;
    return makeTrack({
      source: "record-shop",
      id,
      title: track.name,
      artists: track.artistIds.map(artistName),
      album: {
        id: "paper-boats",
        name: album.name,
        type: "album",
        artists: album.artistIds.map(artistName),
        releaseDate: album.releaseDate,
        releaseDatePrecision: album.releaseDatePrecision,
        totalTracks: album.trackIds.length,
        images: [],
      },
      discNumber: track.discNumber,
      trackNumber: track.trackNumber,
      durationMs: track.durationMs,
      explicit: track.explicit,
      url: `https://shop.example/${id}`,
      tags: { RECORD_SHOP_ID: id },
    });
  });
}

/** The plugin as its author ships it: one file, types only from musicdl. */
function pluginSource(tracks: readonly TrackMeta[]): string {
  return `import type { SourcePlugin } from "musicdl/plugin";
const TRACKS = ${JSON.stringify(tracks)};
export default {
  apiVersion: 1,
  kind: "source",
  name: "record-shop",
  match(input) {
    const found = /^record-shop:([a-z-]+)$/.exec(input.trim());
    return found ? { kind: "playlist", id: found[1], input } : null;
  },
  async resolve(ref, opts) {
    opts.signal?.throwIfAborted();
    return { kind: ref.kind, id: ref.id, name: "Shop Picks", tracks: TRACKS, warnings: [] };
  },
} satisfies SourcePlugin;
`;
}

test("a third-party source's tracks are planned, downloaded, tagged and listed in an M3U without Spotify", async () => {
  using run = createLibraryRun(world);
  const tracks = shopTracks();
  // The user's plugins folder ($XDG_CONFIG_HOME/musicdl/plugins, a temp folder here).
  const plugins = join(run.root, "config", "musicdl", "plugins");
  mkdirSync(plugins, { recursive: true });
  writeFileSync(join(plugins, "record-shop.ts"), pluginSource(tracks));
  writeFileSync(
    run.configFile,
    [
      'version: "1.2"',
      "download:",
      '  output: "{artist}/{album}/{track-number} - {title}.{output-ext}"',
      "  format: mp3",
      "  lyrics: false",
      "playlists:",
      "  - url: record-shop:picks",
      "    create_m3u: true",
      "",
    ].join("\n"),
  );
  const spotifyBefore = world.spotify.apiRequests().length;

  const result = await run.run();
  expect(result.exitCode, result.stderr).toBe(0);
  expect(world.spotify.apiRequests().length).toBe(spotifyBefore);
  const files = tracks.map(
    (track) => `Harbor Lights/Paper Boats/${String(track.trackNumber).padStart(2, "0")} - ${track.title}.mp3`,
  );
  expect(run.audioFiles()).toEqual([...files].sort());
  expect(run.m3uTitles("Shop Picks")).toEqual(tracks.map((track) => track.title));
  expect(run.savedPlan().flatMap((item) => (item.kind === "track" ? [item.id] : []))).toEqual(
    tracks.map((track) => `track:record-shop:${track.id}`),
  );

  for (const [index, track] of tracks.entries()) {
    const metadata = await readTags(join(run.library, files[index]!));
    expect(metadata.common).toMatchObject({ title: track.title, album: "Paper Boats", artists: track.artists });
    expect(metadata.common.track.no).toBe(track.trackNumber);
    expect(nativeValues(metadata, "TXXX:RECORD_SHOP_ID")).toEqual([track.id]);
    expect(nativeValues(metadata, "WOAS")).toEqual([track.url]);
    expect(nativeValues(metadata, "TXXX:SPOTIFY_ID")).toEqual([]);
    expect(metadata.common.comment?.map((comment) => comment.text)).toEqual([
      `https://music.youtube.com/watch?v=${world.videoIdOf(SMALL.trackIds[["lanterns", "tideTables", "undertow"][index] as "lanterns"])}`,
    ]);
  }

  const media = world.youtube.requests.length;
  const again = await run.run();
  expect(again.exitCode, again.stderr).toBe(0);
  expect([...mediaBytesByVideo(world, media).keys()]).toEqual([]);
}, 60_000);
