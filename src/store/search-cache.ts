/** Provider search results per (provider, track key), so a re-run does not search again for the same track. */
import type { Database } from "bun:sqlite";
import type { AudioCandidate } from "../plugins/api.ts";
import { createTtlCache, type TtlCache, type TtlCacheOptions } from "./_ttl-cache.ts";

export interface SearchCache {
  get(provider: string, trackKey: string): AudioCandidate[] | undefined;
  set(provider: string, trackKey: string, candidates: readonly AudioCandidate[]): void;
}

/** A provider that found nothing may find it tomorrow (new upload, transient block); the origin cached misses
 * for the full TTL, hiding new uploads for a day. */
export const MISS_TTL_CAP_S = 3600;

export interface SearchCacheOptions extends Omit<TtlCacheOptions, "table" | "counterPrefix"> {
  /** `audioSearchCacheTtlS`; 0 disables the cache. */
  readonly ttlS: number;
}

export function createSearchCache(db: Database, options: SearchCacheOptions): SearchCache & Pick<TtlCache, "flush"> {
  const cache = createTtlCache(db, { ...options, table: "search_cache", counterPrefix: "search" });
  // A tab cannot appear in a provider name (kebab-case), so the pair maps to one key unambiguously.
  const keyOf = (provider: string, trackKey: string) => `${provider}\t${trackKey}`;
  return {
    get: (provider, trackKey) => cache.get(keyOf(provider, trackKey)) as AudioCandidate[] | undefined,
    set(provider, trackKey, candidates) {
      const ttlS = candidates.length > 0 ? options.ttlS : Math.min(options.ttlS, MISS_TTL_CAP_S);
      cache.set(keyOf(provider, trackKey), candidates, ttlS);
    },
    flush: cache.flush,
  };
}
