/** M3U stage: writes a playlist's (or album's) M3U from the tracks that made it, atomically, in source order. */
import { writeFileAtomic } from "../../library/atomic-write.ts";
import { renderM3u } from "../../library/m3u.ts";
import type { M3uPlanItem, PlanItem, TrackPlanItem } from "../model.ts";

export interface M3uResult {
  readonly listed: number;
  readonly missing: number;
}

export async function writeM3uItem(item: M3uPlanItem, itemsById: ReadonlyMap<string, PlanItem>): Promise<M3uResult> {
  const entries: { path: string; durationMs: number; artists: readonly string[]; title: string }[] = [];
  let missing = 0;
  for (const id of item.entries) {
    const track = itemsById.get(id) as TrackPlanItem | undefined;
    if (track && (track.status === "done" || track.status === "skipped")) {
      entries.push({ path: track.target, durationMs: track.track.durationMs, artists: track.track.artists, title: track.track.title });
    } else {
      missing++;
    }
  }
  await writeFileAtomic(item.target, renderM3u({ m3uPath: item.target, entries }));
  return { listed: entries.length, missing };
}
