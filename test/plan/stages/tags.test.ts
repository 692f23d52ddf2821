/** The TagSet musicdl builds: Picard's display strings, and only totals that cannot be wrong. */
import { describe, expect, test } from "bun:test";
import { buildTagSet, knownTotals } from "../../../src/plan/stages/tags.ts";
import { makeAlbum, makeTrack } from "../../helpers/track-meta.ts";

const track = (discNumber: number, trackNumber: number, album: Parameters<typeof makeAlbum>[0] = {}) =>
  makeTrack({ id: "t", discNumber, trackNumber, album: makeAlbum({ totalTracks: 10, ...album }) });

describe("knownTotals", () => {
  test("a playlist track of an album never listed gets no totals: total_tracks may span several discs", () => {
    expect(knownTotals(track(1, 3))).toEqual({});
    expect(knownTotals(track(2, 1))).toEqual({});
  });

  test("disc 1's track numbered total_tracks proves a single disc", () => {
    expect(knownTotals(track(1, 10))).toEqual({ trackTotal: 10, discTotal: 1 });
    expect(knownTotals(track(1, 1, { totalTracks: 1 }))).toEqual({ trackTotal: 1, discTotal: 1 });
  });

  test("a listed album gives the disc count and the tracks of this disc", () => {
    const layout = { totalDiscs: 2, tracksPerDisc: [6, 4] };
    expect(knownTotals(track(1, 3, layout))).toEqual({ trackTotal: 6, discTotal: 2 });
    expect(knownTotals(track(2, 4, layout))).toEqual({ trackTotal: 4, discTotal: 2 });
  });

  test("a disc count alone (an album cached by an older version) gives the track total only for one disc", () => {
    expect(knownTotals(track(1, 3, { totalDiscs: 1 }))).toEqual({ trackTotal: 10, discTotal: 1 });
    expect(knownTotals(track(1, 3, { totalDiscs: 2 }))).toEqual({ discTotal: 2 });
  });

  test("a total smaller than the number it counts is dropped", () => {
    expect(knownTotals(track(3, 12, { totalDiscs: 2, tracksPerDisc: [6, 4] }))).toEqual({});
  });
});

describe("buildTagSet", () => {
  test("artist and album artist are display strings beside the lists; media and compilation follow Picard", () => {
    const tags = buildTagSet(
      makeTrack({
        id: "t",
        artists: ["Harbor Lights", "Zoë & the Ångström Señores"],
        album: makeAlbum({ type: "compilation", artists: ["Various Artists"] }),
      }),
      undefined,
      undefined,
    );
    expect(tags).toMatchObject({
      artist: "Harbor Lights, Zoë & the Ångström Señores",
      artists: ["Harbor Lights", "Zoë & the Ångström Señores"],
      albumArtist: "Various Artists",
      albumArtists: ["Various Artists"],
      compilation: true,
      media: "Digital Media",
    });
  });

  test("a Spotify track's source link and ids become the tags musicdl has always written", () => {
    const tags = buildTagSet(makeTrack({ id: "1RKbVxcm267VdsIzqY7msi" }), undefined, undefined);
    expect(tags.sourceUrl).toBe("https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi");
    expect(Object.entries(tags.extra)).toEqual([
      ["SPOTIFY_ID", "1RKbVxcm267VdsIzqY7msi"],
      ["SPOTIFY_URL", "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi"],
    ]);
  });

  test("another source's tags are written under its own names; names no format can hold are left out", () => {
    const track = makeTrack({
      source: "record-shop",
      id: "paper-boats/1",
      tags: { RECORD_SHOP_ID: "paper-boats/1", "bad=key": "x", lower: "y", EMPTY: "" },
    });
    const tags = buildTagSet(track, undefined, undefined);
    expect(tags.extra).toEqual({ RECORD_SHOP_ID: "paper-boats/1" });
    expect(tags.sourceUrl).toBeUndefined();
  });
});
