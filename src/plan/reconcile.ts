/**
 * What the saved plan still contributes to a fresh one beyond per-item progress (which the store carries over by
 * id, see plan/reconcile-item.ts): items of sources that failed to resolve this time are kept rather than
 * dropped, and items no source asks for any more are reported as removed.
 */
import type { PlanItem, TrackPlanItem } from "./model.ts";

/** The fresh items plus the saved ones that only failed sources asked for. */
export function keepItemsOfUnresolvedSources(
  fresh: readonly PlanItem[],
  saved: readonly PlanItem[] | null,
  failedSourceUrls: ReadonlySet<string>,
): PlanItem[] {
  if (!saved?.length || failedSourceUrls.size === 0) return [...fresh];
  const freshIds = new Set(fresh.map((item) => item.id));
  // A library word that could not be listed (`my-playlists` on a 502) failed every source it stands for.
  const failed = (source: PlanItem["sources"][number]) =>
    failedSourceUrls.has(source.url) || (source.via !== undefined && failedSourceUrls.has(source.via));
  const kept = saved.filter((item) => !freshIds.has(item.id) && item.sources.some(failed));
  return [...fresh, ...kept];
}

/** Track items of the saved plan that no source asks for any more (reported; deleted only with --prune). */
export function removedTracks(current: readonly PlanItem[], saved: readonly PlanItem[] | null): TrackPlanItem[] {
  if (!saved) return [];
  const currentIds = new Set(current.map((item) => item.id));
  return saved.filter((item): item is TrackPlanItem => item.kind === "track" && !currentIds.has(item.id));
}
