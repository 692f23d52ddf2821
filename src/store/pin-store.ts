/** Pins recorded by `musicdl match --pin/--skip`: which recording a Spotify track takes, kept until changed. */
import type { Database } from "bun:sqlite";
import type { Clock } from "../util/clock.ts";

export interface PinStore {
  /** Spotify track id → pin target, every pin recorded. */
  all(): Record<string, string>;
  set(trackId: string, target: string): void;
}

export function createPinStore(db: Database, clock: Clock): PinStore {
  return {
    all: () =>
      Object.fromEntries(
        (db.query("SELECT track_id, target FROM pins").all() as { track_id: string; target: string }[]).map((row) => [
          row.track_id,
          row.target,
        ]),
      ),
    set: (trackId, target) => {
      db.query("INSERT OR REPLACE INTO pins (track_id, target, pinned_at_ms) VALUES (?, ?, ?)").run(
        trackId,
        target,
        clock.now(),
      );
    },
  };
}
