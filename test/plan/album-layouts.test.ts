/** A playlist's track learns its album's disc layout from the same album listed by another source in the run. */
import { expect, test } from "bun:test";
import { shareAlbumLayouts } from "../../src/plan/album-layouts.ts";
import type { ResolvedEntry } from "../../src/plan/build-plan.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";

const entry = (kind: "playlist" | "album", tracks: ResolvedEntry["source"]["tracks"]): ResolvedEntry => ({
  entry: { url: `https://open.spotify.com/${kind}/x`, createM3u: true } as ResolvedEntry["entry"],
  source: { kind, id: kind, name: kind, tracks, warnings: [] },
});

test("layouts found in one source fill the same album's tracks in the others, and nothing else", () => {
  const listed = makeAlbum({ id: "two-discs", totalDiscs: 2, tracksPerDisc: [2, 1] });
  const fromPlaylist = makeTrack({ id: "a", album: makeAlbum({ id: "two-discs" }) });
  const otherAlbum = makeTrack({ id: "b", album: makeAlbum({ id: "other" }) });
  const shared = shareAlbumLayouts([
    entry("playlist", [fromPlaylist, otherAlbum]),
    entry("album", [makeTrack({ id: "c", album: listed })]),
  ]);
  const [playlistA, playlistB] = shared[0]!.source.tracks;
  expect(playlistA!.album).toMatchObject({ totalDiscs: 2, tracksPerDisc: [2, 1] });
  expect(playlistB).toBe(otherAlbum);
});
