/**
 * Lyrics for tracks already in the library: a file musicdl wrote on an earlier run (lyrics were off then, the
 * provider had none yet, or `lyrics_output` changed) gets its lyrics without downloading the audio again. A track
 * whose lyrics are on record costs no request, so an unchanged re-run makes none (bench/resync.ts).
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { log } from "../../log.ts";
import type { TrackPlanItem } from "../model.ts";
import type { ExecutorContext, Limit } from "./context.ts";
import { findLyrics, finishLyrics, type LyricsStageContext, wantsEmbedded, wantsLrcFile } from "./lyrics.ts";
import { retagInPlace } from "./track.ts";
import { trackKey } from "../../plugins/track-key.ts";

/** Adds lyrics to the present tracks that lack them; returns how many got some. Failures are warnings. */
export async function backfillLyrics(items: readonly TrackPlanItem[], ctx: ExecutorContext, limit: Limit) {
  const lyrics = ctx.lyrics;
  if (!lyrics?.providers.length) return 0;
  const present = items.filter(
    (item) => item.status === "skipped" && item.skipReason === "already present" && lacksLyrics(item, lyrics),
  );
  let added = 0;
  await Promise.all(
    present.map((item) =>
      limit(async () => {
        if (ctx.signal.aborted || !lyrics.isOurs(trackKey(item.track), item.target)) return;
        try {
          if (await addLyrics(item, ctx, lyrics)) added++;
        } catch (error) {
          if (ctx.signal.aborted) return;
          lyrics.warn(`lyrics for ${item.track.title}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    ),
  );
  if (added > 0) log.info(`Lyrics added to ${added} track(s) already in the library.`);
  return added;
}

/** True when the record says the track still lacks what `lyrics_output` asks for (or its `.lrc` is gone). */
function lacksLyrics(item: TrackPlanItem, lyrics: LyricsStageContext): boolean {
  const row = lyrics.index.get(trackKey(item.track));
  if (row?.answer === "instrumental") return false;
  const embedded = row?.answer === "lyrics" && wantsEmbedded(row.output);
  const lrcOnDisk = row?.lrc !== undefined && existsSync(row.lrc.path);
  return (wantsEmbedded(lyrics.output) && !embedded) || (wantsLrcFile(lyrics.output) && !lrcOnDisk);
}

async function addLyrics(item: TrackPlanItem, ctx: ExecutorContext, lyrics: LyricsStageContext): Promise<boolean> {
  const found = await findLyrics(item.track, lyrics, ctx.signal);
  const answer = found.answer;
  if (!answer) return false;
  const row = lyrics.index.get(trackKey(item.track));
  const embedded = row?.answer === "lyrics" && wantsEmbedded(row.output);
  if (!answer.instrumental && wantsEmbedded(lyrics.output) && !embedded) {
    // The same tags as before plus the lyrics, through the temp file and rename every tag write uses.
    const temps: string[] = [];
    try {
      await retagInPlace(item, ctx, temps, found);
    } catch (error) {
      await Promise.all(temps.map((file) => rm(file, { force: true })));
      throw error;
    }
  } else {
    await finishLyrics(item.track, item.target, found, lyrics);
  }
  return !answer.instrumental;
}
