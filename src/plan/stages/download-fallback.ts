/** Download with fallback: when the chosen candidate cannot be fetched, the next one that passes the same bar. */
import { describeCause } from "../../errors.ts";
import { candidateKey } from "../../match/index.ts";
import type { AudioCandidate, DownloadedAudio } from "../../plugins/api.ts";
import type { ChosenCandidate, TrackPlanItem } from "../model.ts";
import type { ExecutorContext, StageLimits } from "./context.ts";
import { downloadAudio, scratchFolderOf } from "./download.ts";
import { matchTrack } from "./match.ts";
import { inStage, StageError } from "./stage-error.ts";

/** Uploads tried at most for one track when downloads keep failing (each after its own retries). */
const MAX_DOWNLOAD_CANDIDATES = 4;

/**
 * Downloads the chosen candidate; when it cannot be fetched (unplayable, age-restricted, Premium-only, gone), the
 * next candidate that passes the same bar, best first, then the next provider's. The failure lists every try.
 */
export async function downloadWithFallback(
  item: TrackPlanItem,
  ctx: ExecutorContext,
  limits: StageLimits,
  update: (patch: Partial<TrackPlanItem>) => void,
): Promise<DownloadedAudio> {
  const exclude = new Set<string>();
  const tried: string[] = [];
  for (;;) {
    const chosen = item.match!;
    try {
      return await inStage("download", () => downloadChosen(item, chosen.candidate, ctx, limits));
    } catch (error) {
      // A pin is the user's choice: no substitute for it.
      if (ctx.signal.aborted || item.pinned) throw error;
      exclude.add(candidateKey(chosen.candidate));
      tried.push(
        `${candidateKey(chosen.candidate)} (${chosen.verdict} ${chosen.distance.toFixed(2)}): ${describeCause(error)}`,
      );
      if (uploadsTried(exclude) >= MAX_DOWNLOAD_CANDIDATES) {
        throw new StageError("download", `tried ${tried.join("; ")}`);
      }
    }
    let next: ChosenCandidate;
    try {
      next = await matchTrack(item.track, ctx, limits.search, exclude);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      throw new StageError("download", `tried ${tried.join("; ")}; no other acceptable candidate`);
    }
    update({ match: next });
  }
}

/**
 * Distinct uploads among the failed `provider:id` keys. YouTube Music and YouTube share video ids, so one locked
 * upload found by both counts once: it must not use up the tries a different, playable upload needs.
 */
function uploadsTried(exclude: ReadonlySet<string>): number {
  return new Set([...exclude].map((key) => key.slice(key.indexOf(":") + 1))).size;
}

async function downloadChosen(
  item: TrackPlanItem,
  candidate: AudioCandidate,
  ctx: ExecutorContext,
  limits: StageLimits,
): Promise<DownloadedAudio> {
  const provider = ctx.providers.find((p) => p.name === candidate.provider);
  if (!provider) throw new Error(`provider ${candidate.provider} is not loaded`);
  return downloadAudio({
    provider,
    candidate,
    folder: scratchFolderOf(ctx.tempDir, item.id),
    attempts: ctx.maxRetries,
    limit: limits.download,
    signal: ctx.signal,
    format: ctx.format,
  });
}
