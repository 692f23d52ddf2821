import { describe, expect, test } from "bun:test";
import { pickAcrossProviders, pickBestCandidate, rankCandidates, searchAcrossProviders } from "../../src/match/pick.ts";
import { buildCandidate, buildTrack, type CandidateSketch } from "./builders.ts";

const track = buildTrack({ title: "YYZ", artists: ["Rush"], album: "Moving Pictures", duration: "4:26" });
const candidateOf = (id: string, overrides: Partial<CandidateSketch> = {}) =>
  buildCandidate({
    id,
    title: "YYZ",
    artists: ["Rush"],
    album: "Moving Pictures",
    duration: "4:26",
    kind: "song",
    ...overrides,
  });
const ids = (list: readonly { candidate: { id: string } }[]) => list.map((entry) => entry.candidate.id);

describe("rankCandidates tie-breaks", () => {
  test.each([
    {
      name: "lower distance first",
      candidates: [candidateOf("video", { kind: "video" }), candidateOf("song")],
      want: ["song", "video"],
    },
    {
      name: "equal distance: smaller duration difference first",
      candidates: [candidateOf("far", { duration: "4:28" }), candidateOf("near", { duration: "4:27" })],
      want: ["near", "far"],
    },
    {
      name: "all equal: provider order",
      candidates: [candidateOf("b"), candidateOf("a"), candidateOf("c")],
      want: ["b", "a", "c"],
    },
    {
      name: "a rejected candidate ranks after acceptable ones even at a lower distance",
      candidates: [
        candidateOf("karaoke", { title: "YYZ (Karaoke)" }),
        candidateOf("video", { kind: "video", duration: "4:40" }),
      ],
      want: ["video", "karaoke"],
    },
  ])("$name", ({ candidates, want }) => {
    expect(ids(rankCandidates(track, candidates))).toEqual([...want]);
    expect(ids(rankCandidates(track, [...candidates].reverse())).length).toBe(want.length);
  });

  test("the same input always gives the same order", () => {
    const candidates = [candidateOf("x"), candidateOf("y", { kind: "video" }), candidateOf("z", { duration: "4:30" })];
    expect(ids(rankCandidates(track, candidates))).toEqual(ids(rankCandidates(track, candidates)));
  });
});

describe("pickBestCandidate", () => {
  test.each([
    {
      name: "a lyric video loses to the song",
      candidates: [candidateOf("lyrics", { title: "Rush - YYZ (Lyrics)", kind: "video" }), candidateOf("song")],
      want: "song",
    },
    {
      name: "a karaoke cover is rejected",
      candidates: [candidateOf("karaoke", { title: "YYZ (Karaoke Version)" })],
      want: null,
    },
    { name: "nothing found", candidates: [], want: null },
  ])("$name", ({ candidates, want }) => expect(pickBestCandidate(track, candidates)?.candidate.id ?? null).toBe(want));
});

describe("across providers", () => {
  const strongOnSecond = [
    { provider: "youtube-music", candidates: [candidateOf("yt-video", { kind: "video", duration: "4:40" })] },
    { provider: "bandcamp", candidates: [candidateOf("bc-song", { provider: "bandcamp" })] },
    { provider: "soundcloud", candidates: [candidateOf("sc-song", { provider: "soundcloud" })] },
  ];

  test("stops at the first provider with a strong match", () => {
    const pick = pickAcrossProviders(track, strongOnSecond);
    expect(pick.best?.candidate.id).toBe("bc-song");
    expect(pick.providersTried).toEqual(["youtube-music", "bandcamp"]);
  });

  test("without a strong match anywhere, takes the best acceptable across all", () => {
    const pick = pickAcrossProviders(track, [
      { provider: "youtube-music", candidates: [candidateOf("yt-far", { kind: "video", duration: "4:36" })] },
      { provider: "bandcamp", candidates: [candidateOf("bc-near", { kind: "video", duration: "4:32" })] },
    ]);
    expect(pick.best?.candidate.id).toBe("bc-near");
    expect(ids(pick.ranked)).toEqual(["bc-near", "yt-far"]);
  });

  test("equal candidates from two providers: the earlier provider wins", () => {
    const pick = pickAcrossProviders(track, [
      { provider: "youtube-music", candidates: [candidateOf("same", { kind: "video", duration: "4:33" })] },
      {
        provider: "bandcamp",
        candidates: [candidateOf("same", { kind: "video", duration: "4:33", provider: "bandcamp" })],
      },
    ]);
    expect(pick.best?.candidate.provider).toBe("youtube-music");
  });

  test("nothing acceptable anywhere: null, with every candidate ranked for the explanation", () => {
    const pick = pickAcrossProviders(track, [
      { provider: "youtube-music", candidates: [candidateOf("live", { title: "YYZ (Live)" })] },
      { provider: "bandcamp", candidates: [] },
    ]);
    expect(pick.best).toBeNull();
    expect(ids(pick.ranked)).toEqual(["live"]);
  });

  test("the lazy search never asks a provider after a strong match", async () => {
    const asked: string[] = [];
    const byProvider = new Map(strongOnSecond.map((entry) => [entry.provider, entry.candidates]));
    const pick = await searchAcrossProviders(track, ["youtube-music", "bandcamp", "soundcloud"], async (provider) => {
      asked.push(provider);
      return byProvider.get(provider) ?? [];
    });
    expect(pick.best?.candidate.id).toBe("bc-song");
    expect(asked).toEqual(["youtube-music", "bandcamp"]);
  });
});
