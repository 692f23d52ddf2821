/** Plain-text queries: how the text is read, the `q` sent, and which Spotify answer is taken, refused or missing. */
import { describe, expect, test } from "bun:test";
import { pickTextMatch } from "../../src/match/text-match.ts";
import { readTextQuery } from "../../src/match/text-query.ts";
import { spotifyQueryOf } from "../../plugins/spotify/search-query.ts";
import type { TrackMeta } from "../../src/plugins/api.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";

describe("reading the text", () => {
  test.each([
    { text: "Rush - YYZ", want: [{ artist: "Rush", title: "YYZ", form: "artist-title" }] },
    { text: "  Jay-Z   –  99 Problems ", want: [{ artist: "Jay-Z", title: "99 Problems", form: "artist-title" }] },
    {
      text: "Rush - YYZ - 2011 Remaster",
      want: [{ artist: "Rush", title: "YYZ - 2011 Remaster", form: "artist-title" }],
    },
    {
      text: "Stand by Me by Ben E. King",
      want: [
        { artist: "Ben E. King", title: "Stand by Me", form: "title-by-artist" },
        { title: "Stand by Me by Ben E. King", form: "title" },
      ],
    },
    { text: "Jay-Z", want: [{ title: "Jay-Z", form: "title" }] },
  ])("$text", ({ text, want }) => {
    expect(readTextQuery(text)).toEqual(
      want.map((reading) => ({ text: text.trim().replace(/\s+/g, " "), ...reading })),
    );
  });

  test.each([
    { text: "Rush - YYZ", q: 'track:"YYZ" artist:"Rush"' },
    { text: 'Weezer - "Buddy Holly"', q: 'track:"Buddy Holly" artist:"Weezer"' },
    { text: "Bohemian Rhapsody", q: 'track:"Bohemian Rhapsody"' },
  ])("$text is searched as $q", ({ text, q }) => {
    expect(spotifyQueryOf(readTextQuery(text)[0]!)).toBe(q);
  });
});

const yyz = makeTrack({ id: "studio", isrc: "CAA018100003" });
const yyzSingle = makeTrack({
  id: "single",
  isrc: "CAA018100003",
  album: makeAlbum({ name: "YYZ", type: "single" }),
});
const yyzRemaster = makeTrack({
  id: "remaster",
  title: "YYZ - 2011 Remaster",
  isrc: "CAA011100003",
  durationMs: 265_000,
});
const yyzLive = makeTrack({
  id: "live",
  title: "YYZ - Live",
  isrc: "CAA018100099",
  album: makeAlbum({ name: "Exit...Stage Left" }),
});
const yyzCover = makeTrack({ id: "cover", artists: ["The Tribute Band"], isrc: "USXXX0000001" });
const helloAdele = makeTrack({
  id: "adele",
  title: "Hello",
  artists: ["Adele"],
  isrc: "GBBKS1500214",
  durationMs: 295_000,
});
const helloLionel = makeTrack({
  id: "lionel",
  title: "Hello",
  artists: ["Lionel Richie"],
  isrc: "USMO18300001",
});
const liveForever = makeTrack({ id: "lf", title: "Live Forever", artists: ["Oasis"], isrc: "GBBQY9400001" });
const liveForeverLive = makeTrack({
  id: "lflive",
  title: "Live Forever - Live",
  artists: ["Oasis"],
  isrc: "GBBQY0000002",
});
const duet = makeTrack({ id: "duet", title: "Stand by Me", artists: ["Ben E. King"], isrc: "USAT20000001" });

function pick(text: string, answers: readonly TrackMeta[]) {
  const result = pickTextMatch(readTextQuery(text)[0]!, answers);
  if (result.kind === "found") return result.best.track.id;
  if (result.kind === "ambiguous") return `ambiguous: ${result.candidates.map((c) => c.track.id).join(", ")}`;
  return "none";
}

describe("picking the track", () => {
  test.each([
    {
      name: "the studio take wins over a live one Spotify ranked first",
      text: "Rush - YYZ",
      answers: [yyzLive, yyz],
      want: "studio",
    },
    {
      name: "a single and its album (same ISRC) are one recording",
      text: "Rush - YYZ",
      answers: [yyzSingle, yyz],
      want: "single",
    },
    {
      name: "a remaster of the same length is the same recording",
      text: "Rush - YYZ",
      answers: [yyz, yyzRemaster],
      want: "studio",
    },
    { name: "a cover by another artist is not taken", text: "Rush - YYZ", answers: [yyzCover], want: "none" },
    {
      name: "a typo in the artist still finds it",
      text: "Lionell Richie - Hello",
      answers: [helloAdele, helloLionel],
      want: "lionel",
    },
    { name: "asking for live takes the live one", text: "Rush - YYZ (Live)", answers: [yyz, yyzLive], want: "live" },
    { name: "only a live take for a studio ask: none", text: "Rush - YYZ", answers: [yyzLive], want: "none" },
    {
      name: "a bare title two artists share is ambiguous",
      text: "Hello",
      answers: [helloAdele, helloLionel],
      want: "ambiguous: adele, lionel",
    },
    { name: "the artist settles it", text: "Adele - Hello", answers: [helloLionel, helloAdele], want: "adele" },
    { name: "Title by Artist", text: "Hello by Lionel Richie", answers: [helloAdele, helloLionel], want: "lionel" },
    {
      name: "a version word in the title itself counts once",
      text: "Oasis - Live Forever",
      answers: [liveForeverLive, liveForever],
      want: "lf",
    },
    { name: "another song with a shared word is not taken", text: "Rush - Tom Sawyer", answers: [yyz], want: "none" },
    { name: "no answers: none", text: "Rush - YYZ", answers: [], want: "none" },
  ])("$name", ({ text, answers, want }) => expect(pick(text, answers)).toBe(want));

  test("a title with by in it: the by-reading finds nothing, the bare reading finds the song", () => {
    const [byReading, bare] = readTextQuery("Stand by Me");
    expect(pickTextMatch(byReading!, [duet]).kind).toBe("none");
    expect(pickTextMatch(bare!, [duet]).kind).toBe("found");
  });
});
