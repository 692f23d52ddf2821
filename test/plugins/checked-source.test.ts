/** A source's tracks must name their source and id before anything is keyed on them. */
import { expect, test } from "bun:test";
import type { ResolvedSource, TrackMeta } from "../../src/plugins/api.ts";
import { checkedSource } from "../../src/plugins/checked-source.ts";
import { makeTrack } from "../helpers/track-meta.ts";

const sourceOf = (...tracks: unknown[]): ResolvedSource => ({
  kind: "playlist",
  id: "p",
  name: "P",
  tracks: tracks as TrackMeta[],
  warnings: [],
});

test("tracks with a source and an id pass unchanged", () => {
  const resolved = sourceOf(makeTrack({ source: "record-shop", id: "paper-boats/1" }));
  expect(checkedSource(resolved)).toBe(resolved);
});

test.each([
  [
    "an old plugin's track (a Spotify id, no source)",
    { spotifyId: "x", title: "Old" },
    'track 2 ("Old") has no source',
  ],
  ["a track without its id", { source: "record-shop", title: "No Id" }, 'track 2 ("No Id") has no id'],
  [
    "an id with a newline",
    { source: "record-shop", id: "a\nb", title: "Split" },
    'track 2 ("Split") has a tab or newline in its id',
  ],
])("%s is refused, naming the track and what every track needs", (_, bad, message) => {
  const { source: _source, id: _id, ...rest } = makeTrack();
  expect(() => checkedSource(sourceOf(makeTrack(), { ...rest, ...bad }))).toThrow(message);
  expect(() => checkedSource(sourceOf(makeTrack(), { ...rest, ...bad }))).toThrow("see TrackMeta in musicdl/plugin");
});
