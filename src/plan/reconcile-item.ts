/** Pure rules for carrying an item's progress from the saved plan into a freshly generated one. */
import type { PlanItem, PlanItemStatus } from "./model.ts";

/** Statuses a run leaves behind only when it was killed mid-item. */
export const INTERRUPTED_STATUSES: readonly PlanItemStatus[] = ["matching", "downloading", "tagging"];

/**
 * Where a half-done item restarts: from its chosen match when it has one (no new search), else from scratch.
 * A half-downloaded or half-tagged file only ever lived in the temp dir, so nothing in the library needs undoing.
 */
export function restartStatus(item: PlanItem): PlanItemStatus {
  return item.kind === "track" && item.match ? "matched" : "pending";
}

/**
 * The item to save, given buildPlan's fresh item and the saved one with the same id (if any).
 * - buildPlan's verdict wins when it is not `pending` (it just found the file present: `skipped`/`done`); the
 *   saved match stays with it, since it says where that file came from (a later re-tag writes its URL again).
 * - A saved `done`/`skipped` item that buildPlan now wants again (file deleted) starts over.
 * - Otherwise progress carries over: status (interrupted ones restarted), attempts, error and the chosen match,
 *   so a `failed` item keeps its attempts and the executor decides whether to retry it (`maxRetries`).
 * Everything else (track meta, target, sources) comes from the fresh item: the config or Spotify may have changed.
 */
export function reconcileItem(saved: PlanItem | undefined, fresh: PlanItem): PlanItem {
  if (!saved || saved.kind !== fresh.kind) return fresh;
  if (fresh.status !== "pending") {
    if (fresh.kind === "track" && saved.kind === "track" && saved.match && !fresh.match)
      return { ...fresh, match: saved.match };
    return fresh;
  }
  if (saved.status === "done" || saved.status === "skipped") return fresh;
  const status = INTERRUPTED_STATUSES.includes(saved.status) ? restartStatus(saved) : saved.status;
  const carried: PlanItem = { ...fresh, status, attempts: saved.attempts };
  if (saved.error) carried.error = saved.error;
  if (carried.kind === "track" && saved.kind === "track" && saved.match && !carried.match) carried.match = saved.match;
  if (status === "matched" && !(carried.kind === "track" && carried.match)) carried.status = "pending";
  return carried;
}
