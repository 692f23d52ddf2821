/** Lyrics providers' answers per (provider, track key): hits kept for good, misses for a day. */
import type { Database } from "bun:sqlite";
import type { LyricsAnswer } from "../plugins/api.ts";
import { createTtlCache, type TtlCache, type TtlCacheOptions } from "./_ttl-cache.ts";

export interface LyricsCache {
  /** The cached answer; null for a miss not yet a day old; undefined when the provider must be asked. */
  get(provider: string, trackKey: string): LyricsAnswer | null | undefined;
  /** Lyrics and "instrumental" never expire (a song's words do not change); a miss does after a day. */
  set(provider: string, trackKey: string, answer: LyricsAnswer | null): void;
}

/** How long a miss stands: LRCLIB grows every day, so a track without lyrics today may have them tomorrow. */
export const LYRICS_MISS_TTL_S = 86_400;

export function createLyricsCache(
  db: Database,
  options: Omit<TtlCacheOptions, "table" | "counterPrefix">,
): LyricsCache & Pick<TtlCache, "flush"> {
  const cache = createTtlCache(db, { ...options, table: "lyrics_cache", counterPrefix: "lyrics" });
  // A tab cannot appear in a plugin name (kebab-case), so the pair maps to one key unambiguously.
  const keyOf = (provider: string, trackKey: string) => `${provider}\t${trackKey}`;
  return {
    get: (provider, trackKey) => cache.get(keyOf(provider, trackKey)) as LyricsAnswer | null | undefined,
    set(provider, trackKey, answer) {
      cache.set(keyOf(provider, trackKey), answer, answer === null ? LYRICS_MISS_TTL_S : null);
    },
    flush: cache.flush,
  };
}
