import { describe, expect, test } from "bun:test";
import { parseTitle } from "../../src/match/normalize.ts";
import {
  albumPenalty,
  artistPenalty,
  durationPenalty,
  isrcPenalty,
  kindPenalty,
  matchArtists,
  titlePenalty,
} from "../../src/match/penalties.ts";
import { findUnwantedWords, unwantedWordsValue } from "../../src/match/words.ts";
import { buildCandidate, buildTrack, type CandidateSketch, type TrackSketch } from "./builders.ts";

const yyz: TrackSketch = { title: "YYZ", artists: ["Rush"], album: "Moving Pictures", duration: "4:26" };
const candidateOf = (overrides: Partial<CandidateSketch>) =>
  buildCandidate({ id: "c", title: "YYZ", artists: ["Rush"], duration: "4:26", kind: "song", ...overrides });

describe("duration penalty", () => {
  test.each([
    { name: "equal length", duration: "4:26", value: 0, detail: "+0s" },
    { name: "within 2 s tolerance", duration: "4:28", value: 0, detail: "+2s" },
    { name: "grows past the tolerance", duration: "4:34", value: 0.46, detail: "+8s" },
    { name: "shorter counts the same", duration: "4:18", value: 0.46, detail: "-8s" },
    { name: "15 s off is a full penalty", duration: "4:41", value: 1, detail: "+15s" },
    { name: "far off stays at 1", duration: "5:40", value: 1, detail: "+74s" },
  ])("$name", ({ duration, value, detail }) => {
    expect(durationPenalty(buildTrack(yyz), candidateOf({ duration }))).toEqual({ value, detail });
  });
});

describe("title penalty", () => {
  test.each([
    { name: "same title", spotify: "YYZ", candidate: "YYZ", value: 0 },
    { name: "version tags are left to unwanted-words", spotify: "YYZ", candidate: "YYZ (Live)", value: 0 },
    { name: "remaster suffix is neutral", spotify: "Let It Be - Remastered 2009", candidate: "Let It Be", value: 0 },
    { name: "upload noise is ignored", spotify: "Hello", candidate: "Hello Official Music Video", value: 0 },
    { name: "the artist's name in a video title is ignored", spotify: "Hello", candidate: "Adele Hello", value: 0 },
    {
      name: "a one-letter typo in a long title costs little",
      spotify: "Sweet Child O Mine",
      candidate: "Sweet Child O Mind",
      value: 0.13,
    },
    { name: "repeated short word is another song", spotify: "Go", candidate: "Go Go Go", value: 1 },
    { name: "one edit in a short word is another song", spotify: "Intro", candidate: "Outro", value: 1 },
    { name: "unrelated title", spotify: "Moments", candidate: "Those Lost", value: 1 },
    { name: "non-Latin equal", spotify: "Группа крови", candidate: "Группа крови", value: 0 },
    { name: "non-Latin different", spotify: "Группа крови", candidate: "Кукушка", value: 1 },
  ])("$name", ({ spotify, candidate, value }) => {
    expect(titlePenalty(parseTitle(spotify), parseTitle(candidate), ["adele"]).value).toBe(value);
  });
});

describe("artist penalty", () => {
  const cases: { name: string; track: string[]; title?: string; artists: string[]; value: number }[] = [
    { name: "same artist", track: ["Rush"], artists: ["Rush"], value: 0 },
    { name: "swapped order", track: ["Queen", "David Bowie"], artists: ["David Bowie", "Queen"], value: 0 },
    { name: "accents", track: ["Beyoncé"], artists: ["Beyonce"], value: 0 },
    { name: "Topic channel", track: ["Abstrakt"], artists: ["Abstrakt - Topic"], value: 0 },
    { name: "one-string credit", track: ["D-Double", "MocroManiac"], artists: ["D-Double & MocroManiac"], value: 0 },
    {
      name: "featured artist from the title",
      track: ["MocroManiac", "Latifah"],
      title: "Quatro Baby (feat. Latifah)",
      artists: ["MocroManiac"],
      value: 0,
    },
    { name: "featured artist missing", track: ["MocroManiac", "Latifah"], artists: ["MocroManiac"], value: 0.38 },
    {
      name: "uploader channel crediting the artist in the title",
      track: ["Rush"],
      title: "Rush - YYZ",
      artists: ["Lyrics Kart"],
      value: 0.25,
    },
    { name: "another artist", track: ["Adele"], artists: ["Lionel Richie"], value: 1 },
    { name: "no artist given", track: ["Hawara"], artists: [], value: 0.5 },
  ];
  test.each(cases)("$name", ({ track, title, artists, value }) => {
    const candidate = candidateOf({ title: title ?? "YYZ", artists });
    const parsed = parseTitle(candidate.title, [...track, ...artists]);
    const match = matchArtists(buildTrack({ ...yyz, artists: track }), candidate, parsed);
    expect(artistPenalty(candidate, match).value).toBe(value);
  });
});

describe("unwanted-words penalty", () => {
  test.each([
    { name: "live version", spotify: "YYZ", candidate: "YYZ (Live)", value: 1, words: ["live"] },
    { name: '"Alive" is not "live"', spotify: "Alive", candidate: "Alive", value: 0, words: [] },
    {
      name: 'Spotify\'s own "live" is kept',
      spotify: "Live Forever",
      candidate: "Live Forever (Remastered)",
      value: 0,
      words: [],
    },
    {
      name: 'a second "live" is extra',
      spotify: "Live Forever",
      candidate: "Live Forever (Live)",
      value: 1,
      words: ["live"],
    },
    { name: "Spotify live track, live candidate", spotify: "YYZ - Live", candidate: "YYZ (Live)", value: 0, words: [] },
    {
      name: "Spotify live track, studio candidate",
      spotify: "YYZ - Live",
      candidate: "YYZ",
      value: 1,
      words: ["live"],
    },
    { name: "karaoke", spotify: "YYZ", candidate: "YYZ (Karaoke Version)", value: 1, words: ["karaoke"] },
    { name: "sped up phrase", spotify: "YYZ", candidate: "YYZ (Sped Up)", value: 1, words: ["sped up"] },
    { name: "8D", spotify: "YYZ", candidate: "YYZ 8D Audio", value: 1, words: ["8d"] },
    { name: "lyrics upload is a soft hint", spotify: "YYZ", candidate: "YYZ (Lyrics)", value: 0.3, words: ["lyrics"] },
    { name: "remaster is neutral", spotify: "YYZ", candidate: "YYZ (2015 Remaster)", value: 0, words: [] },
  ])("$name", ({ spotify, candidate, value, words }) => {
    const findings = findUnwantedWords(buildTrack({ ...yyz, title: spotify }), candidateOf({ title: candidate }));
    expect({ value: unwantedWordsValue(findings), words: findings.map((finding) => finding.word) }).toEqual({
      value,
      words: [...words],
    });
  });

  test("a live album explains a live track on both sides", () => {
    const track = buildTrack({ ...yyz, title: "YYZ", album: "Exit...Stage Left (Live)" });
    expect(findUnwantedWords(track, candidateOf({ title: "YYZ (Live)" }))).toEqual([]);
  });

  test("a candidate album saying acoustic counts", () => {
    const findings = findUnwantedWords(buildTrack(yyz), candidateOf({ album: "YYZ (Acoustic Version)" }));
    expect(findings.map((finding) => finding.word)).toEqual(["acoustic"]);
  });

  test.each([
    { name: "clean edit of an explicit track", explicit: true, candidate: "YYZ (Clean)", value: 1 },
    { name: "explicit candidate of a clean track is a hint", explicit: false, candidate: "YYZ (Explicit)", value: 0.3 },
  ])("$name", ({ explicit, candidate, value }) => {
    const findings = findUnwantedWords(buildTrack({ ...yyz, explicit }), candidateOf({ title: candidate }));
    expect(unwantedWordsValue(findings)).toBe(value);
  });
});

describe("album, kind and ISRC penalties", () => {
  test.each([
    { name: "no candidate album: not scored", album: undefined, want: null },
    { name: "same album", album: "Moving Pictures", want: 0 },
    { name: "edition note ignored", album: "Moving Pictures (2011 Remaster)", want: 0 },
    { name: "another album", album: "Exit...Stage Left", want: 1 },
  ])("album: $name", ({ album, want }) => {
    expect(albumPenalty(buildTrack(yyz), candidateOf({ album }))?.value ?? null).toBe(want);
  });

  test.each([
    { kind: "song" as const, want: 0 },
    { kind: "video" as const, want: 1 },
  ])("kind: $kind", ({ kind, want }) => expect(kindPenalty(candidateOf({ kind })).value).toBe(want));

  test.each([
    { name: "track without ISRC: not scored", track: undefined, candidate: "CAA108100025", want: null },
    { name: "candidate without ISRC: not scored", track: "CAA108100025", candidate: undefined, want: null },
    { name: "equal (case-insensitive)", track: "CAA108100025", candidate: "caa108100025", want: 0 },
    { name: "different", track: "CAA108100025", candidate: "USUM70000001", want: 1 },
  ])("isrc: $name", ({ track, candidate, want }) => {
    expect(isrcPenalty(buildTrack({ ...yyz, isrc: track }), candidateOf({ isrc: candidate }))?.value ?? null).toBe(
      want,
    );
  });
});
