/** When the songs search already found the track, no videos search is sent: the "looks right" check. */
import { expect, test } from "bun:test";
import { looksLikeTrack } from "../../plugins/youtube-music/looks-like-track.ts";
import { trackMeta } from "../helpers/youtube.ts";

const candidate = (title: string, durationMs: number) =>
  ({ provider: "youtube-music", id: "x", title, artists: [], durationMs, kind: "song", url: "" }) as const;

test.each([
  { name: "same title and length", track: ["Moments", 220_000], found: ["Moments", 221_000], want: true },
  {
    name: "Spotify's remaster suffix is ignored",
    track: ["Yyz - 2015 Remaster", 266_000],
    found: ["YYZ", 265_000],
    want: true,
  },
  {
    name: "bracketed extras and accents are ignored",
    track: ["Höhe (feat. X)", 180_000],
    found: ["Hohe", 180_000],
    want: true,
  },
  {
    name: "title inside a video title",
    track: ["Moments", 220_000],
    found: ["Artist - Moments (Official Video)", 224_000],
    want: true,
  },
  { name: "a different length is another edit", track: ["Moments", 220_000], found: ["Moments", 201_000], want: false },
  {
    name: "a word of the title is not enough",
    track: ["Moments", 220_000],
    found: ["Momentsville", 220_000],
    want: false,
  },
] as const)("$name", ({ track, found, want }) => {
  const meta = trackMeta({ title: track[0], artists: ["A"], durationMs: track[1] });
  expect(looksLikeTrack(meta, candidate(found[0], found[1]))).toBe(want);
});
