/**
 * Merges a freshly built plan with the state saved by the previous run: finished work stays finished, a chosen
 * match is reused, half-done items restart from their last finished step, and sources that failed to resolve this
 * time keep their previous items rather than being dropped.
 */
import type { PlanItem, TrackPlanItem } from "./model.ts";

export interface ReconcileOptions {
  /** URLs of sources that failed to resolve this run. */
  readonly failedSourceUrls: ReadonlySet<string>;
  /** Whether a finished file is still where the previous run put it. */
  fileStillThere(item: TrackPlanItem): boolean;
}

export function reconcileWithSaved(
  fresh: readonly PlanItem[],
  saved: readonly PlanItem[] | null,
  options: ReconcileOptions,
): PlanItem[] {
  if (!saved?.length) return [...fresh];
  const savedById = new Map(saved.map((item) => [item.id, item]));
  const merged = fresh.map((item) => {
    const previous = savedById.get(item.id);
    return previous && item.kind === "track" && previous.kind === "track" ? carryOver(item, previous, options) : item;
  });
  const freshIds = new Set(fresh.map((item) => item.id));
  for (const item of saved) {
    if (freshIds.has(item.id)) continue;
    if (item.sources.some((source) => options.failedSourceUrls.has(source.url))) merged.push(item);
  }
  return merged;
}

function carryOver(item: TrackPlanItem, previous: TrackPlanItem, options: ReconcileOptions): TrackPlanItem {
  if (item.status === "skipped") return item;
  const sameTarget = previous.target === item.target;
  if (previous.status === "done" && sameTarget && options.fileStillThere(previous)) {
    return { ...item, status: "done", attempts: previous.attempts, ...(previous.match ? { match: previous.match } : {}) };
  }
  const match = previous.match ? { match: previous.match } : {};
  const status = previous.match ? "matched" : "pending";
  return { ...item, ...match, status, attempts: previous.attempts };
}

/** Track items of the saved plan that no source asks for any more (reported; deleted only with --prune). */
export function removedTracks(fresh: readonly PlanItem[], saved: readonly PlanItem[] | null): TrackPlanItem[] {
  if (!saved) return [];
  const freshIds = new Set(fresh.map((item) => item.id));
  return saved.filter((item): item is TrackPlanItem => item.kind === "track" && !freshIds.has(item.id));
}
