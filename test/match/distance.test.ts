import { describe, expect, test } from "bun:test";
import type { MatchSettings } from "../../src/config/types.ts";
import { type MatchVerdict, scoreCandidate } from "../../src/match/distance.ts";
import { DEFAULT_MATCH_SETTINGS, resolveMatchSettings } from "../../src/match/settings.ts";
import { buildCandidate, buildTrack, type CandidateSketch } from "./builders.ts";

const yyz = buildTrack({
  title: "YYZ",
  artists: ["Rush"],
  album: "Moving Pictures",
  duration: "4:26",
  isrc: "CAA108100025",
});
const candidateOf = (overrides: Partial<CandidateSketch>) =>
  buildCandidate({
    id: "c",
    title: "YYZ",
    artists: ["Rush"],
    album: "Moving Pictures",
    duration: "4:26",
    kind: "song",
    ...overrides,
  });

describe("scoreCandidate", () => {
  test("a perfect candidate scores 0 and is strong, every penalty named", () => {
    const score = scoreCandidate(yyz, candidateOf({}));
    expect(score.distance).toBe(0);
    expect(score.verdict).toBe("strong");
    expect(score.penalties.map((penalty) => penalty.name)).toEqual([
      "duration",
      "title",
      "artist",
      "unwanted-words",
      "album",
      "kind",
    ]);
  });

  test("the distance is the weighted mean of the penalties", () => {
    const score = scoreCandidate(yyz, candidateOf({ kind: "video", album: undefined }));
    const totalWeight = score.penalties.reduce((sum, penalty) => sum + penalty.weight, 0);
    expect(score.distance).toBeCloseTo(DEFAULT_MATCH_SETTINGS.weights.kind! / totalWeight, 4);
  });

  test.each([
    { name: "karaoke", overrides: { title: "YYZ (Karaoke Version)" }, reason: 'says "karaoke"' },
    { name: "live", overrides: { title: "YYZ (Live)" }, reason: 'says "live"' },
    { name: "another artist with the same title", overrides: { artists: ["Yes"] }, reason: "different artist" },
    { name: "another title by the artist", overrides: { title: "Tom Sawyer" }, reason: "different title" },
    { name: "a full concert", overrides: { duration: "58:00", kind: "video" as const }, reason: "duration far off" },
  ])("$name is rejected whatever its distance", ({ overrides, reason }) => {
    const score = scoreCandidate(yyz, candidateOf(overrides));
    expect({ verdict: score.verdict, reason: score.rejectReason }).toEqual({ verdict: "reject", reason });
  });

  test("an equal ISRC makes a renamed upload strong", () => {
    const score = scoreCandidate(
      yyz,
      candidateOf({ title: "Track 3", artists: ["Various Artists"], isrc: "CAA108100025" }),
    );
    expect(score.verdict).toBe("strong");
  });

  test("an equal ISRC does not save a candidate 40 s off", () => {
    const score = scoreCandidate(yyz, candidateOf({ duration: "5:06", isrc: "CAA108100025" }));
    expect(score.verdict).not.toBe("strong");
  });

  test("a different ISRC is a heavy penalty", () => {
    const score = scoreCandidate(yyz, candidateOf({ isrc: "USUM70000001" }));
    expect(score.penalties.find((penalty) => penalty.name === "isrc")).toMatchObject({ value: 1, weight: 4 });
    expect(score.verdict).toBe("acceptable");
  });

  const settingsCases: { name: string; settings?: Partial<MatchSettings>; want: MatchVerdict }[] = [
    { name: "defaults: a 6 s longer video is acceptable", settings: undefined, want: "acceptable" },
    {
      name: "a looser strong threshold still is not strong 6 s off",
      settings: { strongThreshold: 0.3 },
      want: "acceptable",
    },
    { name: "a stricter accept threshold rejects it", settings: { acceptThreshold: 0.05 }, want: "reject" },
    {
      name: "weighting duration heavily rejects it",
      settings: { weights: { duration: 60 }, acceptThreshold: 0.25 },
      want: "reject",
    },
    {
      name: "zero weights for kind and duration: acceptable, never strong when the length is off",
      settings: { weights: { kind: 0, duration: 0 } },
      want: "acceptable",
    },
  ];
  test.each(settingsCases)("$name", ({ settings, want }) => {
    const score = scoreCandidate(yyz, candidateOf({ kind: "video", duration: "4:32", album: undefined }), settings);
    expect(score.verdict).toBe(want);
  });
});

describe("resolveMatchSettings", () => {
  test("config weights merge over the defaults", () => {
    const settings = resolveMatchSettings({ weights: { kind: 2, unwanted_words: 5 } });
    expect(settings.weights).toEqual({ ...DEFAULT_MATCH_SETTINGS.weights, kind: 2, "unwanted-words": 5 });
    expect(settings.strongThreshold).toBe(0.15);
    expect(settings.acceptThreshold).toBe(0.35);
  });
});
