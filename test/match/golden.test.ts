/**
 * The golden set: search answers shaped like real YouTube Music ones, each with the recording a careful person
 * takes (or none). Picked through the one pick download and match share; `unplayable` names candidates whose
 * download fails, so the pick falls back as download does. Prints "N/N correct".
 */
import { afterAll, describe, expect, test } from "bun:test";
import { describeRejection, formatPenalties } from "../../src/match/explain.ts";
import { candidateKey, pickAcrossProviders, rankCandidates } from "../../src/match/pick.ts";
import { buildCandidate, buildTrack, type CandidateSketch, type TrackSketch } from "./builders.ts";
import cases from "./golden/cases.json";
import trapCases from "./golden/cases-traps.json";

interface GoldenCase {
  name: string;
  track: TrackSketch;
  candidates: CandidateSketch[];
  want: string | null;
  /** Candidates whose download fails (age-restricted, Premium-only): the next one passing the bar is taken. */
  unplayable?: string[];
  /** The verdict the pick must carry, when the case is about it (a video off by seconds is never strong). */
  verdict?: "strong" | "acceptable";
}

const golden = [...cases, ...trapCases] as GoldenCase[];
let correct = 0;

describe("golden set: real-world-like search results pick the right recording or none", () => {
  test("holds at least 150 cases", () => {
    expect(golden.length).toBeGreaterThanOrEqual(150);
  });

  test.each(golden)("$name", ({ track: trackSketch, candidates: sketches, want, unplayable, verdict }) => {
    const track = buildTrack(trackSketch);
    const candidates = sketches.map(buildCandidate);
    const exclude = new Set(
      candidates.filter((candidate) => unplayable?.includes(candidate.id)).map((candidate) => candidateKey(candidate)),
    );
    const best = pickAcrossProviders(track, [{ provider: "youtube-music", candidates }], undefined, exclude).best;
    const picked = best?.candidate.id ?? null;
    const right = picked === want && (verdict === undefined || best?.score.verdict === verdict);
    if (!right) {
      const ranked = rankCandidates(track, candidates);
      const lines = ranked.map(
        (entry) =>
          `  ${entry.candidate.id} ${entry.score.verdict} ${entry.score.distance} ${formatPenalties(entry.score)} ${entry.score.rejectReason ?? ""}`,
      );
      console.log(
        `${trackSketch.title}: want ${want}, got ${picked} ${best?.score.verdict ?? ""}\n${lines.join("\n")}\n  ${describeRejection(track, ranked)}`,
      );
    } else correct++;
    expect(picked).toBe(want);
    if (verdict) expect(best?.score.verdict).toBe(verdict);
  });

  afterAll(() => {
    const share = ((100 * correct) / golden.length).toFixed(1);
    console.log(`golden set: ${correct}/${golden.length} correct (${share} %)`);
  });
});
