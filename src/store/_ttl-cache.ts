/** A key → JSON table with per-row expiry and least-recently-accessed eviction; both caches are one of these. */
import type { Database } from "bun:sqlite";
import type { Clock } from "../util/clock.ts";
import { redact } from "../util/redact.ts";
import type { Counters } from "./_counters.ts";
import type { WarnLog } from "./_database.ts";

export interface TtlCache {
  /** The stored value, or undefined when absent or expired. */
  get(key: string): unknown | undefined;
  /** Stores `value` (JSON) for `ttlS` seconds; null = never expires; 0 or less = not stored. */
  set(key: string, value: unknown, ttlS: number | null): void;
  /** Writes what `set` buffered now; the store calls it before reading tables, clearing and closing. */
  flush(): void;
}

export interface TtlCacheOptions {
  readonly table: "plugin_cache" | "search_cache" | "lyrics_cache";
  /** Counter names become `<prefix>.hits`, `.misses`, `.expired`, `.evictions`, `.refused`. */
  readonly counterPrefix: string;
  /** Most expiring rows kept; never-expiring rows are not counted (see plugin-cache.ts). */
  readonly maxEntries: number;
  readonly clock: Clock;
  readonly counters: Counters;
  readonly log: WarnLog;
}

// LRU order only needs minute precision; skipping the write on most hits keeps a hit a pure read.
const ACCESS_RESOLUTION_MS = 60_000;

export function createTtlCache(db: Database, options: TtlCacheOptions): TtlCache {
  const { table, counterPrefix: prefix, maxEntries, clock, counters, log } = options;
  const select = db.query(`SELECT value, expires_at_ms, accessed_at_ms FROM ${table} WHERE key = ?1`);
  const selectSame = db.query(`SELECT 1 AS same FROM ${table} WHERE key = ?1 AND value = ?2 AND expires_at_ms IS NULL`);
  const touch = db.query(`UPDATE ${table} SET accessed_at_ms = ?2 WHERE key = ?1`);
  const removeExpired = db.query(`DELETE FROM ${table} WHERE expires_at_ms IS NOT NULL AND expires_at_ms <= ?1`);
  const upsert = db.query(
    `INSERT INTO ${table} (key, value, expires_at_ms, accessed_at_ms) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at_ms = excluded.expires_at_ms,
       accessed_at_ms = excluded.accessed_at_ms`,
  );
  const countExpiring = db.query(`SELECT count(*) AS n FROM ${table} WHERE expires_at_ms IS NOT NULL`);
  const evictOldest = db.query(
    `DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} WHERE expires_at_ms IS NOT NULL
       ORDER BY accessed_at_ms ASC LIMIT ?1)`,
  );

  const storeRow = db.transaction((key: string, text: string, expiresAtMs: number | null, now: number) => {
    upsert.run(key, text, expiresAtMs, now);
    if (expiresAtMs === null) return;
    counters.add(`${prefix}.expired`, removeExpired.run(now).changes);
    const overflow = (countExpiring.get() as { n: number }).n - maxEntries;
    if (overflow > 0) counters.add(`${prefix}.evictions`, evictOldest.run(overflow).changes);
  });

  // Never-expiring rows (tracks, albums) are buffered and stored together a microtask later: a page of 100 tracks
  // was 100 transactions, most of a cold plan's CPU in bench/plan.ts. They take no part in expiry or eviction, so
  // only the moment they reach the file changes; reads look in the buffer first. Expiring rows are rare and written
  // at once, keeping LRU order exact.
  const pending = new Map<string, { text: string; now: number }>();
  let flushQueued = false;
  const storeRows = db.transaction((rows: [string, { text: string; now: number }][]) => {
    for (const [key, row] of rows) upsert.run(key, row.text, null, row.now);
  });

  function flush(): void {
    flushQueued = false;
    if (pending.size === 0) return;
    const rows = [...pending];
    pending.clear();
    storeRows.immediate(rows);
  }

  function flushQuietly(): void {
    try {
      flush();
    } catch (error) {
      // A cache that could not be written only costs a request next run; it must not crash this one.
      log.warn(`could not write the ${prefix} cache: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    get(key) {
      const now = clock.now();
      const buffered = pending.get(key);
      if (buffered) {
        counters.add(`${prefix}.hits`);
        return JSON.parse(buffered.text) as unknown;
      }
      const row = select.get(key) as { value: string; expires_at_ms: number | null; accessed_at_ms: number } | null;
      if (row && row.expires_at_ms !== null && row.expires_at_ms <= now) {
        counters.add(`${prefix}.expired`, removeExpired.run(now).changes);
      } else if (row) {
        if (row.expires_at_ms !== null && now - row.accessed_at_ms >= ACCESS_RESOLUTION_MS) touch.run(key, now);
        counters.add(`${prefix}.hits`);
        return JSON.parse(row.value) as unknown;
      }
      counters.add(`${prefix}.misses`);
      return undefined;
    },
    set(key, value, ttlS) {
      if (ttlS !== null && !(ttlS > 0)) return;
      const text = JSON.stringify(value);
      if (text === undefined) throw new TypeError(`cache value for ${key} is not JSON-serializable`);
      // A re-run hands the same never-expiring rows back (every track of a cached playlist); rewriting them was
      // most of a warm plan's time in bench/plan.ts. Checked before redact: a row already stored adds nothing.
      if (ttlS === null && !pending.has(key) && (selectSame.get(key, text) as { same: number } | null)?.same === 1) {
        return;
      }
      // The callers never pass tokens; this is the backstop that keeps one out of the file if they ever do.
      if (redact(key) !== key || redact(text) !== text) {
        counters.add(`${prefix}.refused`);
        log.debug(`not caching ${redact(key)}: it looks like it holds a secret`);
        return;
      }
      const now = clock.now();
      if (ttlS !== null) {
        pending.delete(key);
        storeRow.immediate(key, text, now + Math.round(ttlS * 1000), now);
        return;
      }
      pending.set(key, { text, now });
      if (!flushQueued) {
        flushQueued = true;
        queueMicrotask(flushQuietly);
      }
    },
    flush,
  };
}
