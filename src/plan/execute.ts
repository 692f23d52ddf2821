/**
 * Runs a plan: track items through their stages with separate concurrency limits, failures isolated per item,
 * then the M3U items. Cancellation is cooperative: the signal aborts work in hand, which rolls back its temp files
 * and leaves the item resumable.
 */
import { rm } from "node:fs/promises";
import pLimit from "p-limit";
import { describeCause } from "../errors.ts";
import type { DownloadPlan, M3uPlanItem, PlanItem, PlanItemStatus, TrackPlanItem } from "./model.ts";
import { computeStats } from "./build-plan.ts";
import type { ExecutorContext, StageLimits } from "./stages/context.ts";
import { backfillLyrics } from "./stages/lyrics-backfill.ts";
import { writeM3uItem } from "./stages/m3u.ts";
import { runTrackItem } from "./stages/track.ts";
import { trackLabel } from "./track-label.ts";

export interface RunSummary {
  /** Every item, tracks and M3U files. */
  readonly counts: Record<PlanItemStatus, number>;
  /** Track items only: what the summary line reports. */
  readonly trackCounts: Record<PlanItemStatus, number>;
  /** M3U files written this run. */
  readonly m3uWritten: number;
  readonly failures: { id: string; label: string; stage: string; reason: string }[];
  readonly interrupted: boolean;
  /** M3U entries left out because their track failed. */
  readonly m3uMissing: number;
}

export async function executePlan(plan: DownloadPlan, ctx: ExecutorContext): Promise<RunSummary> {
  const tracks = plan.items.filter((i): i is TrackPlanItem => i.kind === "track");
  const m3us = plan.items.filter((i): i is M3uPlanItem => i.kind === "m3u");
  ctx.onEvent({ type: "run-start", total: plan.items.length, counts: countByStatus(plan.items) });
  const limits: StageLimits = {
    search: pLimit(ctx.limits.search),
    download: pLimit(ctx.limits.download),
    ffmpeg: pLimit(ctx.limits.ffmpeg),
  };
  const worker = pLimit(ctx.limits.threads);
  const todo = tracks.filter((item) => item.status !== "done" && item.status !== "skipped");
  for (const item of tracks) if (item.status === "skipped") reportSkipped(item, ctx);
  // runTrackItem records a track's own failure; what it throws (apart from an interrupt) is the run's: the state
  // could not be saved. The items not started yet are left for the next run, and that error ends this one.
  let fatal: { error: unknown } | undefined;
  await Promise.allSettled(
    todo.map((item) =>
      worker(async () => {
        if (ctx.signal.aborted || fatal) return;
        try {
          await runTrackItem(item, ctx, limits);
        } catch (error) {
          if (!ctx.signal.aborted) fatal ??= { error };
        }
      }),
    ),
  );
  if (fatal) throw fatal.error;
  if (!ctx.signal.aborted) await backfillLyrics(tracks, ctx, worker);
  const interrupted = ctx.signal.aborted;
  const m3uMissing = interrupted ? 0 : await writeM3us(m3us, plan.items, ctx);
  // Interrupted items keep their scratch folders (partial downloads) for the next run; otherwise none is left.
  if (!interrupted) await rm(ctx.tempDir, { recursive: true, force: true }).catch(() => undefined);
  const counts = countByStatus(plan.items);
  ctx.onEvent({ type: "run-end", counts, interrupted });
  const trackCounts = countByStatus(tracks);
  const m3uWritten = m3us.filter((item) => item.status === "done").length;
  return { counts, trackCounts, m3uWritten, failures: failuresOf(plan.items), interrupted, m3uMissing };
}

function reportSkipped(item: TrackPlanItem, ctx: ExecutorContext): void {
  const label = trackLabel(item.track);
  ctx.onEvent({ type: "item-end", id: item.id, label, status: "skipped", detail: item.skipReason ?? "" });
}

async function writeM3us(m3us: M3uPlanItem[], items: PlanItem[], ctx: ExecutorContext): Promise<number> {
  const byId = new Map(items.map((item) => [item.id, item]));
  let missing = 0;
  for (const item of m3us) {
    ctx.onEvent({ type: "item-stage", id: item.id, label: item.title, stage: "m3u" });
    try {
      const result = await writeM3uItem(item, byId);
      missing += result.missing;
      item.status = result.written ? "done" : "skipped";
      delete item.error;
      ctx.onEvent({
        type: "item-end",
        id: item.id,
        label: item.title,
        status: item.status,
        ...(result.written ? {} : { detail: "unchanged" }),
      });
    } catch (error) {
      item.status = "failed";
      item.error = { stage: "m3u", reason: describeCause(error) };
      ctx.onEvent({ type: "item-end", id: item.id, label: item.title, status: "failed", detail: item.error.reason });
    }
    ctx.persist(item);
  }
  return missing;
}

function countByStatus(items: readonly PlanItem[]): Record<PlanItemStatus, number> {
  return computeStats(items, 0).byStatus;
}

function failuresOf(items: readonly PlanItem[]): RunSummary["failures"] {
  return items
    .filter((item) => item.status === "failed")
    .map((item) => ({
      id: item.id,
      label: item.kind === "track" ? trackLabel(item.track) : item.title,
      stage: item.error?.stage ?? "unknown",
      reason: item.error?.reason ?? "unknown",
    }));
}
