/** `match --all`: the pick download would make, and every provider's candidates ranked together for the table. */
import type { TrackMeta } from "../plugins/api.ts";
import {
  type ProviderCandidates,
  type ProviderPick,
  type ProviderSearch,
  rankCandidates,
  searchAcrossProviders,
} from "./pick.ts";
import type { resolveMatchSettings } from "./settings.ts";

/** The pick download would make, with every provider's candidates ranked together for the table. */
export async function pickFromEveryProvider(
  track: TrackMeta,
  names: readonly string[],
  search: ProviderSearch,
  settings: ReturnType<typeof resolveMatchSettings>,
): Promise<ProviderPick> {
  const seen: ProviderCandidates[] = [];
  const errors: string[] = [];
  const download = await searchAcrossProviders(
    track,
    names,
    async (name, isSure) => {
      const candidates = await search(name, isSure);
      seen.push({ provider: name, candidates });
      return candidates;
    },
    settings,
  );
  for (const provider of names.filter((name) => !download.providersTried.includes(name))) {
    try {
      seen.push({ provider, candidates: await search(provider, () => false) });
    } catch (error) {
      errors.push(`${provider}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const ranked = rankCandidates(
    track,
    seen.flatMap((entry) => entry.candidates),
    settings,
  );
  return { best: download.best, ranked, providersTried: [...names], errors: [...download.errors, ...errors] };
}
