/** M3U stage: writes a playlist's (or album's) M3U from the tracks that made it, atomically, in source order. */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../../library/atomic-write.ts";
import { renderM3u } from "../../library/m3u.ts";
import type { M3uPlanItem, PlanItem, TrackPlanItem } from "../model.ts";

export interface M3uResult {
  readonly listed: number;
  readonly missing: number;
  /** False when the file already held exactly this text (a re-run where the source did not change). */
  readonly written: boolean;
}

export async function writeM3uItem(item: M3uPlanItem, itemsById: ReadonlyMap<string, PlanItem>): Promise<M3uResult> {
  const entries: { path: string; durationMs: number; artists: readonly string[]; title: string }[] = [];
  let missing = 0;
  for (const id of item.entries) {
    const track = itemsById.get(id) as TrackPlanItem | undefined;
    if (track && (track.status === "done" || track.status === "skipped")) {
      entries.push({
        path: track.target,
        durationMs: track.track.durationMs,
        artists: track.track.artists,
        title: track.track.title,
      });
    } else {
      missing++;
    }
  }
  const text = renderM3u({ m3uPath: item.target, entries });
  // Rewriting an unchanged playlist would bump its mtime and wake every player and sync tool watching the folder.
  const current = await readFile(item.target, "utf8").catch(() => null);
  if (current === text) return { listed: entries.length, missing, written: false };
  await writeFileAtomic(item.target, text);
  return { listed: entries.length, missing, written: true };
}
