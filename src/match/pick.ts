/** Ranks scored candidates deterministically and picks one, within a provider and across providers in order. */
import type { MatchSettings } from "../config/types.ts";
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import { type MatchScore, scoreCandidate } from "./distance.ts";

export interface ScoredCandidate {
  readonly candidate: AudioCandidate;
  readonly score: MatchScore;
}

interface RankEntry extends ScoredCandidate {
  /** Position in provider order, then in that provider's result list: the last tie-break before the id. */
  readonly order: number;
}

/**
 * Best first: acceptable before rejected, then distance, a song before a video, the smaller duration difference,
 * the provider's own order, and finally the id, so the same input always gives the same order.
 */
function compareEntries(track: TrackMeta): (left: RankEntry, right: RankEntry) => number {
  const durationOff = (entry: RankEntry) => Math.abs(entry.candidate.durationMs - track.durationMs);
  return (left, right) =>
    Number(left.score.verdict === "reject") - Number(right.score.verdict === "reject") ||
    left.score.distance - right.score.distance ||
    Number(left.candidate.kind === "video") - Number(right.candidate.kind === "video") ||
    durationOff(left) - durationOff(right) ||
    left.order - right.order ||
    (left.candidate.id < right.candidate.id ? -1 : left.candidate.id > right.candidate.id ? 1 : 0);
}

function rankEntries(track: TrackMeta, entries: RankEntry[]): ScoredCandidate[] {
  return entries.sort(compareEntries(track)).map(({ candidate, score }) => ({ candidate, score }));
}

/** Scores and sorts candidates, best first; rejected ones stay in the list (for `--explain`), after the rest. */
export function rankCandidates(
  track: TrackMeta,
  candidates: readonly AudioCandidate[],
  settings?: Partial<MatchSettings>,
): ScoredCandidate[] {
  const entries = candidates.map((candidate, order) => ({
    candidate,
    score: scoreCandidate(track, candidate, settings),
    order,
  }));
  return rankEntries(track, entries);
}

/** The best candidate that is at least acceptable, or null. */
export function pickBestCandidate(
  track: TrackMeta,
  candidates: readonly AudioCandidate[],
  settings?: Partial<MatchSettings>,
): ScoredCandidate | null {
  const best = rankCandidates(track, candidates, settings)[0];
  return best && best.score.verdict !== "reject" ? best : null;
}

export interface ProviderCandidates {
  readonly provider: string;
  readonly candidates: readonly AudioCandidate[];
}

export interface ProviderPick {
  /** The chosen candidate, or null when none was acceptable. */
  readonly best: ScoredCandidate | null;
  /** Every candidate seen, best first, for `describeRejection` and `--explain`. */
  readonly ranked: readonly ScoredCandidate[];
  /** Providers whose candidates were scored, in order (the search stops at the first strong match). */
  readonly providersTried: readonly string[];
}

/**
 * The `download.audio_providers` rule: providers in order until one yields a strong match; otherwise the best
 * acceptable candidate across all of them (provider order breaks exact ties).
 */
export function pickAcrossProviders(
  track: TrackMeta,
  candidatesByProvider: readonly ProviderCandidates[],
  settings?: Partial<MatchSettings>,
): ProviderPick {
  const entries: RankEntry[] = [];
  const providersTried: string[] = [];
  for (const { provider, candidates } of candidatesByProvider) {
    providersTried.push(provider);
    const firstOrder = entries.length;
    const scored = candidates.map((candidate, index) => ({
      candidate,
      score: scoreCandidate(track, candidate, settings),
      order: firstOrder + index,
    }));
    entries.push(...scored);
    const best = rankEntries(track, [...scored])[0];
    if (best?.score.verdict === "strong") return { best, ranked: rankEntries(track, entries), providersTried };
  }
  const ranked = rankEntries(track, entries);
  const best = ranked[0]?.score.verdict === "reject" ? null : (ranked[0] ?? null);
  return { best, ranked, providersTried };
}

/**
 * Like {@link pickAcrossProviders}, but searches lazily: a provider after the first strong match is never asked.
 * `search` is the caller's I/O (a plugin call wrapped in its error handling); this function stays pure otherwise.
 */
export async function searchAcrossProviders(
  track: TrackMeta,
  providers: readonly string[],
  search: (provider: string) => Promise<readonly AudioCandidate[]>,
  settings?: Partial<MatchSettings>,
): Promise<ProviderPick> {
  const seen: ProviderCandidates[] = [];
  for (const provider of providers) {
    seen.push({ provider, candidates: await search(provider) });
    const pick = pickAcrossProviders(track, seen, settings);
    if (pick.best?.score.verdict === "strong") return pick;
  }
  return pickAcrossProviders(track, seen, settings);
}
