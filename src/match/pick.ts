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
  /**
   * Providers asked, in order (the search stops at the first strong match). From `pickAcrossProviders`: those whose
   * candidates were scored; from `searchAcrossProviders`: a provider whose search failed too.
   */
  readonly providersTried: readonly string[];
  /** Why a provider's search failed, one entry per failed provider. */
  readonly errors: readonly string[];
}

/** `youtube-music:dQw4w9WgXcQ`: how a candidate is named in exclusions, pins and failure reasons. */
export const candidateKey = (candidate: Pick<AudioCandidate, "provider" | "id">) =>
  `${candidate.provider}:${candidate.id}`;

/**
 * The `download.audio_providers` rule: providers in order until one yields a strong match; otherwise the best
 * acceptable candidate across all of them (provider order breaks exact ties). `exclude` names candidates that
 * already failed to download (`candidateKey`); they are never picked.
 */
export function pickAcrossProviders(
  track: TrackMeta,
  candidatesByProvider: readonly ProviderCandidates[],
  settings?: Partial<MatchSettings>,
  exclude: ReadonlySet<string> = new Set(),
): ProviderPick {
  const entries: RankEntry[] = [];
  const providersTried: string[] = [];
  for (const { provider, candidates } of candidatesByProvider) {
    providersTried.push(provider);
    const firstOrder = entries.length;
    const scored = candidates
      .filter((candidate) => !exclude.has(candidateKey(candidate)))
      .map((candidate, index) => ({
        candidate,
        score: scoreCandidate(track, candidate, settings),
        order: firstOrder + index,
      }));
    entries.push(...scored);
    const best = rankEntries(track, [...scored])[0];
    if (best?.score.verdict === "strong") {
      return { best, ranked: rankEntries(track, entries), providersTried, errors: [] };
    }
  }
  const ranked = rankEntries(track, entries);
  const best = ranked[0]?.score.verdict === "reject" ? null : (ranked[0] ?? null);
  return { best, ranked, providersTried, errors: [] };
}

/** What a provider search gets from the pick: the core's "is one of these strong?" (SearchOptions.isSure). */
export type ProviderSearch = (
  provider: string,
  isSure: (candidates: readonly AudioCandidate[]) => boolean,
) => Promise<readonly AudioCandidate[]>;

/**
 * The one pick `download`, `match` and `plan` share: like {@link pickAcrossProviders}, but searches lazily, so a
 * provider after the first strong match is never asked. A provider whose search fails is noted in `errors` and
 * the next one is asked. `search` is the caller's I/O; this function stays pure otherwise.
 */
export async function searchAcrossProviders(
  track: TrackMeta,
  providers: readonly string[],
  search: ProviderSearch,
  settings?: Partial<MatchSettings>,
  options: { readonly exclude?: ReadonlySet<string>; readonly signal?: AbortSignal } = {},
): Promise<ProviderPick> {
  const exclude = options.exclude ?? new Set<string>();
  const seen: ProviderCandidates[] = [];
  const errors: string[] = [];
  const isSure = (candidates: readonly AudioCandidate[]) =>
    candidates.some(
      (candidate) =>
        !exclude.has(candidateKey(candidate)) && scoreCandidate(track, candidate, settings).verdict === "strong",
    );
  // A provider whose search failed was asked too: `match --json` lists it in providers_asked beside its error.
  const asked: string[] = [];
  for (const provider of providers) {
    asked.push(provider);
    try {
      seen.push({ provider, candidates: await search(provider, isSure) });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // The caller's search names the provider in its error (PluginError): "plugin youtube: search() failed: …".
      errors.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    const pick = pickAcrossProviders(track, seen, settings, exclude);
    if (pick.best?.score.verdict === "strong") return { ...pick, providersTried: [...asked], errors };
  }
  return { ...pickAcrossProviders(track, seen, settings, exclude), providersTried: asked, errors };
}
