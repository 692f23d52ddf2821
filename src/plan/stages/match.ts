/** Match stage: ask providers in `audio_providers` order until one yields a strong match, else take the best acceptable. */
import { PluginError } from "../../errors.ts";
import type { AudioCandidate, ProviderPlugin, TrackMeta } from "../../plugins/api.ts";
import type { ChosenCandidate } from "../model.ts";
import type { ExecutorContext, RankedCandidate } from "./context.ts";

export class NoMatchError extends Error {}

export async function matchTrack(
  track: TrackMeta,
  ctx: ExecutorContext,
  limitSearch: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<ChosenCandidate> {
  const ranked: RankedCandidate[] = [];
  const errors: string[] = [];
  for (const provider of ctx.providers) {
    let candidates: AudioCandidate[];
    try {
      candidates = await searchWithCache(provider, track, ctx, limitSearch);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      errors.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    const providerRanked = ctx.rank(track, candidates);
    const best = providerRanked[0];
    if (best?.score.verdict === "strong") return chosen(best);
    ranked.push(...providerRanked);
  }
  const acceptable = ranked
    .filter((r) => r.score.verdict !== "reject")
    .sort((a, b) => a.score.distance - b.score.distance)[0];
  if (acceptable) return chosen(acceptable);
  const reason = ranked.length || !errors.length ? ctx.describeRejection(track, ranked) : errors.join("; ");
  throw new NoMatchError(reason);
}

function chosen(ranked: RankedCandidate): ChosenCandidate {
  const verdict = ranked.score.verdict === "strong" ? "strong" : "acceptable";
  return { candidate: ranked.candidate, distance: ranked.score.distance, verdict };
}

async function searchWithCache(
  provider: ProviderPlugin,
  track: TrackMeta,
  ctx: ExecutorContext,
  limitSearch: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<AudioCandidate[]> {
  const cached = ctx.searchCache?.get(provider.name, track.spotifyId);
  if (cached) return cached;
  const candidates = await limitSearch(async () => {
    try {
      return await provider.search(track, { limit: 10, signal: ctx.signal });
    } catch (error) {
      throw ctx.signal.aborted ? error : new PluginError(provider.name, "search", error);
    }
  });
  ctx.searchCache?.set(provider.name, track.spotifyId, candidates);
  return candidates;
}
