/** A KeyedCache in memory: for commands that open no store (`musicdl plugins`) and for tests. */
import type { KeyedCache } from "./api.ts";

export function createMemoryCache(
  now: () => number = Date.now,
): KeyedCache & { keys(): string[]; values(): unknown[] } {
  const entries = new Map<string, { value: unknown; expiresAtMs: number | null }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAtMs !== null && now() >= entry.expiresAtMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, ttlS) {
      if (ttlS !== null && ttlS <= 0) return;
      entries.set(key, { value, expiresAtMs: ttlS === null ? null : now() + ttlS * 1000 });
    },
    keys: () => [...entries.keys()],
    values: () => [...entries.values()].map((entry) => entry.value),
  };
}
