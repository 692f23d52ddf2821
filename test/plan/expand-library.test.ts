import { expect, test } from "bun:test";
import type { SourceEntry } from "../../src/config/types.ts";
import { SpotifyApiError, SpotifyAuthError } from "../../plugins/spotify/errors.ts";
import { matchSpotify } from "../../plugins/spotify/links.ts";
import type { SourceExpansion, SourcePlugin } from "../../src/plugins/api.ts";
import { expandLibraryEntries, type SourceFinder } from "../../src/plan/expand-library.ts";

/** A source that reads Spotify links and expands library words with `expand(kind)`. */
function sourceExpanding(expand: (kind: string) => Promise<SourceExpansion>): SourceFinder {
  const plugin: SourcePlugin = {
    apiVersion: 1,
    kind: "source",
    name: "spotify",
    match: matchSpotify,
    resolve: () => Promise.reject(new Error("not resolved here")),
    expand: async (ref) => (ref.list && ref.kind !== "saved" ? expand(ref.kind) : null),
  };
  return {
    findSource(input) {
      const ref = plugin.match(input);
      return ref ? { plugin, ref } : null;
    },
  };
}

const ROAD_TRIP = "0RoadTripPlaylist00001";
const BAND = "0BandPracticeList00001";
const signal = new AbortController().signal;

test("a library word becomes one entry per playlist, named by Spotify, with the word's M3U setting and line", async () => {
  const entries: SourceEntry[] = [
    { section: "playlists", url: `https://open.spotify.com/playlist/${ROAD_TRIP}?si=x`, createM3u: false, line: 3 },
    { section: "my-playlists", url: "my-playlists", createM3u: true, line: 4 },
  ];
  const asked: string[] = [];
  const expanded = await expandLibraryEntries(
    entries,
    sourceExpanding(async (kind) => {
      asked.push(kind);
      return {
        children: [
          { kind: "playlist", id: ROAD_TRIP, name: "Road Trip", url: `https://open.spotify.com/playlist/${ROAD_TRIP}` },
          { kind: "playlist", id: BAND, name: "Band Practice", url: `https://open.spotify.com/playlist/${BAND}` },
        ],
        warnings: ['skipped 1 playlist you follow but neither own nor collaborate on ("Not Mine")'],
      };
    }),
    signal,
  );
  expect(asked).toEqual(["my-playlists"]);
  // Road Trip is listed by itself already: it is read once, as that entry (its create_m3u: false stands).
  expect(expanded.entries).toEqual([
    entries[0]!,
    {
      section: "playlists",
      name: "Band Practice",
      url: `https://open.spotify.com/playlist/${BAND}`,
      createM3u: true,
      line: 4,
      via: "my-playlists",
    },
  ]);
  expect(expanded.warnings).toEqual([
    'my-playlists: skipped 1 playlist you follow but neither own nor collaborate on ("Not Mine")',
  ]);
});

test("a library list Spotify refuses fails that source alone; a missing login or permission stops the run", async () => {
  const entries: SourceEntry[] = [
    { section: "saved-albums", url: "saved-albums", createM3u: false },
    { section: "albums", url: "https://open.spotify.com/album/0PaperBoatsAlbum000001", createM3u: false },
  ];
  const refused = await expandLibraryEntries(
    entries,
    sourceExpanding(async () => {
      throw new SpotifyApiError(502, "/me/albums", "Spotify refused GET /me/albums (HTTP 502).");
    }),
    signal,
  );
  expect(refused.entries).toEqual([entries[1]!]);
  expect(refused.failed.map((failure) => failure.reason)).toEqual([
    "saved-albums: Spotify refused GET /me/albums (HTTP 502).",
  ]);
  const stopped = expandLibraryEntries(
    entries,
    sourceExpanding(async () => {
      throw new SpotifyAuthError("needs user-library-read");
    }),
    signal,
  );
  // Stops the run as the source's own error said (exit 3), its message unchanged.
  await expect(stopped).rejects.toMatchObject({ exitCode: 3, message: "needs user-library-read" });
});
