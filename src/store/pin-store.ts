/** Pins recorded by `musicdl match --pin/--skip`: which recording a track takes, kept until changed. */
import type { Database } from "bun:sqlite";
import type { Clock } from "../util/clock.ts";

export interface PinStore {
  /** Track key (`spotify:<id>`, see trackKey) → pin target, every pin recorded. */
  all(): Record<string, string>;
  set(trackKey: string, target: string): void;
}

export function createPinStore(db: Database, clock: Clock): PinStore {
  return {
    all: () =>
      Object.fromEntries(
        (db.query("SELECT track_key, target FROM pins").all() as { track_key: string; target: string }[]).map((row) => [
          row.track_key,
          row.target,
        ]),
      ),
    set: (trackKey, target) => {
      db.query("INSERT OR REPLACE INTO pins (track_key, target, pinned_at_ms) VALUES (?, ?, ?)").run(
        trackKey,
        target,
        clock.now(),
      );
    },
  };
}
