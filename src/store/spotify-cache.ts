/** Cached Spotify Web API responses (JSON), keyed by the Spotify client. */
import type { Database } from "bun:sqlite";
import { createTtlCache, type TtlCache, type TtlCacheOptions } from "./_ttl-cache.ts";

/**
 * `ttlS: null` means never expires: the Spotify client uses it for track and album objects, which do not change
 * under an id. `cacheMaxSize` bounds **only expiring rows** (playlist pages, artist albums, search responses…):
 * the origin's default of 1000 would otherwise evict a library of thousands of tracks on every run and turn each
 * re-run into thousands of requests. Never-expiring rows grow with the library (a few KB each) and go with
 * `musicdl cache clear --spotify`.
 *
 * Never store secrets: the client never passes tokens, and a key or value that `redact` would change (a registered
 * secret, an `access_token=` pair…) is not stored at all (counted as `spotify.refused`).
 */
export interface SpotifyCache {
  get(key: string): unknown | undefined;
  set(key: string, value: unknown, ttlS: number | null): void;
}

export function createSpotifyCache(
  db: Database,
  options: Omit<TtlCacheOptions, "table" | "counterPrefix">,
): SpotifyCache & Pick<TtlCache, "flush"> {
  return createTtlCache(db, { ...options, table: "spotify_cache", counterPrefix: "spotify" });
}
