import { expect, test } from "bun:test";
import { lrcPathFor, lrcTimestamp, renderLrc } from "../../src/library/lrc.ts";
import { makeTrack } from "../helpers/track-meta.ts";

test("the .lrc sits beside the audio under the same base name", () => {
  expect(lrcPathFor("/music/Rush/Moving Pictures/03 - YYZ.mp3")).toBe("/music/Rush/Moving Pictures/03 - YYZ.lrc");
  expect(lrcPathFor("/music/A.B. Band/01 - Song.v2.flac")).toBe("/music/A.B. Band/01 - Song.v2.lrc");
  expect(lrcPathFor("/music/.hidden")).toBe("/music/.hidden.lrc");
});

test.each([
  [0, "[00:00.00]"],
  [1234, "[00:01.23]"],
  [61_005, "[01:01.01]"],
  [59_999, "[01:00.00]"],
  [6_000_000, "[100:00.00]"],
])("%d ms is %s", (ms, stamp) => {
  expect(lrcTimestamp(ms)).toBe(stamp);
});

test("ID tags, then the timed lines in time order; plain lyrics as untimed lines", () => {
  const track = makeTrack({ id: "x", title: "Odd ] Title", artists: ["Rush", "Guest"], durationMs: 266_400 });
  const synced = renderLrc(
    {
      plain: "b\na",
      synced: [
        { timeMs: 2000, text: "b" },
        { timeMs: 1000, text: "a" },
      ],
    },
    track,
  );
  expect(synced).toBe(
    "[ar:Rush, Guest]\n[ti:Odd   Title]\n[al:Moving Pictures]\n[length:04:26]\n[00:01.00]a\n[00:02.00]b\n",
  );
  expect(renderLrc({ plain: "one\ntwo" }, track).split("\n").slice(4)).toEqual(["one", "two", ""]);
});
