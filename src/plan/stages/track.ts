/** Runs one track item through match → download → convert → tag → move into place, persisting each step. */
import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { describeCause } from "../../errors.ts";
import { callPlugin } from "../../plugins/call.ts";
import { StoreWriteError } from "../../store/write-failure.ts";
import { moveIntoPlace, tempPathBeside } from "../../library/atomic-write.ts";
import type { DownloadedAudio, TagSet } from "../../plugins/api.ts";
import type { PlanStage, TrackPlanItem } from "../model.ts";
import type { ExecutorContext, StageLimits } from "./context.ts";
import { removeScratch, scratchFolderOf } from "./download.ts";
import { downloadWithFallback } from "./download-fallback.ts";
import { matchTrack } from "./match.ts";
import { inStage, StageError } from "./stage-error.ts";
import { buildTagSet, hashTagSet } from "./tags.ts";
import { findLyrics, finishLyrics, NO_LYRICS, withEmbeddedLyrics, type FoundLyrics } from "./lyrics.ts";
import { trackLabel } from "../track-label.ts";
import { trackKey } from "../../plugins/track-key.ts";

export async function runTrackItem(item: TrackPlanItem, ctx: ExecutorContext, limits: StageLimits): Promise<void> {
  const label = labelOf(item);
  const stageOf = (stage: PlanStage) => ctx.onEvent({ type: "item-stage", id: item.id, label, stage });
  const update = (patch: Partial<TrackPlanItem>) => {
    Object.assign(item, patch);
    ctx.persist(item);
  };
  const temps: string[] = [];
  try {
    if (ctx.overwrite === "metadata" && (await fileExists(item.target))) {
      stageOf("tag");
      update({ status: "tagging", attempts: item.attempts + 1 });
      await retagInPlace(item, ctx, temps);
    } else {
      if (!item.match) {
        stageOf("match");
        update({ status: "matching", attempts: item.attempts + 1 });
        const match = await inStage("match", () => matchTrack(item.track, ctx, limits.search));
        update({ status: "matched", match });
      }
      await fetchConvertTag(item, ctx, limits, temps, stageOf, update);
    }
    await removeScratch(scratchFolderOf(ctx.tempDir, item.id));
    delete item.error;
    update({ status: "done" });
    ctx.onEvent({ type: "item-end", id: item.id, label, status: "done" });
  } catch (error) {
    await Promise.all(temps.map((file) => rm(file, { force: true, recursive: true })));
    // The state could not be saved (a full disk): not this track's failure, and no later step can be recorded.
    if (error instanceof StoreWriteError) throw error;
    if (ctx.signal.aborted) {
      // Interrupted, not failed: a later run picks it up from the last finished step, and its scratch folder
      // (a partial or finished download) stays for that run to resume from.
      update({ status: item.match ? "matched" : "pending" });
      throw error;
    }
    await removeScratch(scratchFolderOf(ctx.tempDir, item.id));
    const stage = error instanceof StageError ? error.stage : "download";
    update({ status: "failed", error: { stage, reason: describeCause(error) } });
    ctx.onEvent({ type: "item-end", id: item.id, label, status: "failed", detail: describeCause(error) });
  }
}

async function fetchConvertTag(
  item: TrackPlanItem,
  ctx: ExecutorContext,
  limits: StageLimits,
  temps: string[],
  stageOf: (stage: PlanStage) => void,
  update: (patch: Partial<TrackPlanItem>) => void,
): Promise<void> {
  stageOf("download");
  update({ status: "downloading" });
  const audio = await downloadWithFallback(item, ctx, limits, update);
  const chosen = item.match!;
  stageOf("convert");
  await mkdir(dirname(item.target), { recursive: true });
  const converted = tempPathBeside(item.target, { keepExtension: true });
  temps.push(converted);
  await inStage("convert", () => limits.ffmpeg(() => convertDownloaded(audio, converted, ctx)));
  stageOf("tag");
  update({ status: "tagging" });
  const found = await inStage("tag", () => lyricsOf(item, ctx));
  await tagAndPlace(item, converted, chosen.candidate.url, found, ctx);
}

/** The track's lyrics when lyrics are on (cached, or asked of the lyrics plugins); none otherwise. */
function lyricsOf(item: TrackPlanItem, ctx: ExecutorContext): Promise<FoundLyrics> {
  return ctx.lyrics?.providers.length ? findLyrics(item.track, ctx.lyrics, ctx.signal) : Promise.resolve(NO_LYRICS);
}

function convertDownloaded(audio: DownloadedAudio, output: string, ctx: ExecutorContext) {
  return ctx.convert({
    input: audio.file,
    output,
    target: { format: ctx.format, bitrate: ctx.bitrate },
    sourceCodec: audio.codec,
    sourceContainer: audio.container,
    ...(audio.bitrateKbps ? { sourceBitrateKbps: audio.bitrateKbps } : {}),
    signal: ctx.signal,
  });
}

async function writeTags(tags: TagSet, file: string, ctx: ExecutorContext): Promise<void> {
  const tagger = ctx.taggerFor(ctx.format);
  if (!tagger) return;
  await callPlugin(tagger, "write", () => tagger.write(file, tags, { signal: ctx.signal }), { signal: ctx.signal });
}

/**
 * overwrite: metadata — rewrite the tags of the file already there, atomically, without downloading. Also how
 * lyrics reach a file of an earlier run (`found` given): the same tags, now with the lyrics.
 */
export async function retagInPlace(
  item: TrackPlanItem,
  ctx: ExecutorContext,
  temps: string[],
  known?: FoundLyrics,
): Promise<void> {
  const found = known ?? (await inStage("tag", () => lyricsOf(item, ctx)));
  const temp = tempPathBeside(item.target, { keepExtension: true });
  temps.push(temp);
  await copyFile(item.target, temp);
  await tagAndPlace(item, temp, item.match?.candidate.url, found, ctx);
}

/** Tags `file` (a temp file), moves it onto the item's target, records it in the library index, then its lyrics. */
async function tagAndPlace(
  item: TrackPlanItem,
  file: string,
  sourceUrl: string | undefined,
  found: FoundLyrics,
  ctx: ExecutorContext,
): Promise<void> {
  const tags = await inStage("tag", async () => {
    const tagSet = buildTagSet(item.track, await ctx.coverFor(item.track, ctx.signal), sourceUrl);
    const withLyrics = ctx.lyrics ? withEmbeddedLyrics(tagSet, found, ctx.lyrics.output) : tagSet;
    await writeTags(withLyrics, file, ctx);
    return withLyrics;
  });
  await moveIntoPlace(file, item.target);
  await recordInLibrary(item, tags, ctx);
  if (ctx.lyrics) await finishLyrics(item.track, item.target, found, ctx.lyrics);
}

async function recordInLibrary(item: TrackPlanItem, tags: TagSet, ctx: ExecutorContext): Promise<void> {
  const info = await stat(item.target);
  ctx.library?.upsert({
    trackKey: trackKey(item.track),
    ...(item.track.isrc ? { isrc: item.track.isrc } : {}),
    path: item.target,
    format: ctx.format,
    sizeBytes: info.size,
    mtimeMs: Math.trunc(info.mtimeMs),
    tagHash: hashTagSet(tags),
  });
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

export function labelOf(item: TrackPlanItem): string {
  return trackLabel(item.track);
}
