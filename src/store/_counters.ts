/** Hit/miss/eviction counters, kept in memory and added to the `counters` table in batches so they outlive the run. */
import type { Database } from "bun:sqlite";

export interface Counters {
  add(name: string, amount?: number): void;
  /** Writes pending increments; called by stats(), close() and every FLUSH_EVERY increments. */
  flush(): void;
  /** Persisted totals (after a flush), e.g. `{ "spotify.hits": 12 }`. */
  read(): Record<string, number>;
  /** Zeroes every counter whose name starts with `prefix` (e.g. `search.`). */
  reset(prefix: string): void;
}

// A write per cache lookup would double the cost of a hit; batching loses at most this many on a crash.
const FLUSH_EVERY = 200;

export function createCounters(db: Database): Counters {
  let pending = new Map<string, number>();
  let pendingCount = 0;
  const upsert = db.query(
    "INSERT INTO counters (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
  );
  const flush = () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    pendingCount = 0;
    db.transaction(() => {
      for (const [name, amount] of batch) upsert.run(name, amount);
    })();
  };
  return {
    add(name, amount = 1) {
      if (amount === 0) return;
      pending.set(name, (pending.get(name) ?? 0) + amount);
      if (++pendingCount >= FLUSH_EVERY) flush();
    },
    flush,
    read() {
      flush();
      const rows = db.query("SELECT name, value FROM counters ORDER BY name").all() as {
        name: string;
        value: number;
      }[];
      return Object.fromEntries(rows.map((row) => [row.name, row.value]));
    },
    reset(prefix) {
      for (const name of [...pending.keys()]) if (name.startsWith(prefix)) pending.delete(name);
      db.query("DELETE FROM counters WHERE substr(name, 1, length(?1)) = ?1").run(prefix);
    },
  };
}
