/** Match stage: the shared pick (src/match/pick.ts) over the providers, searches cached per provider and track. */
import { PluginError } from "../../errors.ts";
import { type ProviderPick, searchAcrossProviders } from "../../match/index.ts";
import type { AudioCandidate, ProviderPlugin, TrackMeta } from "../../plugins/api.ts";
import type { ChosenCandidate } from "../model.ts";
import type { ExecutorContext } from "./context.ts";
import { trackKey } from "../../plugins/track-key.ts";

export class NoMatchError extends Error {}

/**
 * The candidate download takes, or a NoMatchError saying why none. `exclude` names candidates that already
 * failed to download (`provider:id`): the next one that passes the same bar is taken instead.
 */
export async function matchTrack(
  track: TrackMeta,
  ctx: ExecutorContext,
  limitSearch: <T>(task: () => Promise<T>) => Promise<T>,
  exclude: ReadonlySet<string> = new Set(),
): Promise<ChosenCandidate> {
  const pick = await pickFor(track, ctx, limitSearch, exclude);
  if (pick.best) return chosen(pick.best);
  // Every provider failed: the errors name each one already.
  if (pick.errors.length && !pick.ranked.length) throw new NoMatchError(pick.errors.join("; "));
  throw new NoMatchError(`${ctx.describeRejection(track, pick.ranked)} ${describeSearched(pick)}`);
}

/**
 * What was tried, so a miss is never silent about a provider that could not answer (a 5xx on YouTube Music
 * while plain YouTube only had covers): `(searched youtube-music, youtube; search failed: …)`.
 */
function describeSearched(pick: ProviderPick): string {
  const failed = pick.errors.length ? `; search failed: ${pick.errors.join("; ")}` : "";
  return `(searched ${pick.providersTried.join(", ")}${failed})`;
}

export function pickFor(
  track: TrackMeta,
  ctx: ExecutorContext,
  limitSearch: <T>(task: () => Promise<T>) => Promise<T>,
  exclude: ReadonlySet<string> = new Set(),
): Promise<ProviderPick> {
  const search = (name: string, isSure: (candidates: readonly AudioCandidate[]) => boolean) => {
    const provider = ctx.providers.find((candidate) => candidate.name === name)!;
    return searchWithCache(provider, track, ctx, limitSearch, isSure, exclude);
  };
  const names = ctx.providers.map((provider) => provider.name);
  return searchAcrossProviders(track, names, search, ctx.matchSettings, { exclude, signal: ctx.signal });
}

function chosen(ranked: ProviderPick["best"] & {}): ChosenCandidate {
  const verdict = ranked.score.verdict === "strong" ? "strong" : "acceptable";
  return { candidate: ranked.candidate, distance: ranked.score.distance, verdict };
}

/**
 * Cached answers are reused unless a candidate of this provider was excluded since: then the provider searches
 * again (deeper, since its best answer is gone) and the new answers join the cached ones.
 */
async function searchWithCache(
  provider: ProviderPlugin,
  track: TrackMeta,
  ctx: ExecutorContext,
  limitSearch: <T>(task: () => Promise<T>) => Promise<T>,
  isSure: (candidates: readonly AudioCandidate[]) => boolean,
  exclude: ReadonlySet<string>,
): Promise<AudioCandidate[]> {
  const cached = ctx.searchCache?.get(provider.name, trackKey(track));
  const excludedHere = [...exclude].some((key) => key.startsWith(`${provider.name}:`));
  if (cached && (!excludedHere || isSure(cached))) return cached;
  const found = await limitSearch(async () => {
    try {
      return await provider.search(track, { limit: 10, signal: ctx.signal, isSure });
    } catch (error) {
      throw ctx.signal.aborted ? error : new PluginError(provider.name, "search", error);
    }
  });
  const candidates = [...(cached ?? []), ...found.filter((c) => !cached?.some((known) => known.id === c.id))];
  ctx.searchCache?.set(provider.name, trackKey(track), candidates);
  return candidates;
}
