import { afterAll, describe, expect, test } from "bun:test";
import { describeRejection, formatPenalties } from "../../src/match/explain.ts";
import { pickBestCandidate, rankCandidates } from "../../src/match/pick.ts";
import { buildCandidate, buildTrack, type CandidateSketch, type TrackSketch } from "./builders.ts";
import cases from "./golden/cases.json";

interface GoldenCase {
  name: string;
  track: TrackSketch;
  candidates: CandidateSketch[];
  want: string | null;
}

const golden = cases as GoldenCase[];
let correct = 0;

describe("golden set: real-world-like search results pick the right recording or none", () => {
  test.each(golden)("$name", ({ track: trackSketch, candidates: sketches, want }) => {
    const track = buildTrack(trackSketch);
    const candidates = sketches.map(buildCandidate);
    const picked = pickBestCandidate(track, candidates)?.candidate.id ?? null;
    if (picked !== want) {
      const ranked = rankCandidates(track, candidates);
      const lines = ranked.map(
        (entry) =>
          `  ${entry.candidate.id} ${entry.score.verdict} ${entry.score.distance} ${formatPenalties(entry.score)} ${entry.score.rejectReason ?? ""}`,
      );
      console.log(
        `${trackSketch.title}: want ${want}, got ${picked}\n${lines.join("\n")}\n  ${describeRejection(track, ranked)}`,
      );
    } else correct++;
    expect(picked).toBe(want);
  });

  afterAll(() => {
    const share = ((100 * correct) / golden.length).toFixed(1);
    console.log(`golden set: ${correct}/${golden.length} correct (${share} %)`);
  });
});
