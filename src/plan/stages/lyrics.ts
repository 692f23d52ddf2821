/**
 * Lyrics for one track: asked of the lyrics plugins in `download.lyrics` order (cached answers first), embedded
 * in the tags and/or written as an `.lrc` file beside the audio, and recorded so a re-run does not ask again.
 * Lyrics never fail a track: a plugin that throws only leaves the track without them until the next run.
 */
import { existsSync } from "node:fs";
import * as v from "valibot";
import type { LyricsOutput } from "../../config/types.ts";
import { describeCause, PluginError } from "../../errors.ts";
import { writeFileAtomic } from "../../library/atomic-write.ts";
import { lrcPathFor, renderLrc } from "../../library/lrc.ts";
import type { LyricsAnswer, LyricsPlugin, TagSet, TrackMeta } from "../../plugins/api.ts";
import { callPlugin } from "../../plugins/call.ts";
import type { LyricsCache, LyricsIndex } from "../../store/index.ts";
import { trackKey } from "../../plugins/track-key.ts";

export interface LyricsStageContext {
  /** In `download.lyrics` order; empty when lyrics are off. */
  readonly providers: readonly LyricsPlugin[];
  readonly output: LyricsOutput;
  readonly cache: Pick<LyricsCache, "get" | "set">;
  readonly index: Pick<LyricsIndex, "get" | "record">;
  /** Whether the file at `target` is this track's, written by musicdl and unchanged since (the library index). */
  isOurs(trackKey: string, target: string): boolean;
  warn(message: string): void;
  now(): number;
}

/** What the lookup came to: an answer (null: every plugin missed), and whether every plugin could be asked. */
export interface FoundLyrics {
  readonly answer: LyricsAnswer | null;
  readonly settled: boolean;
}

export const NO_LYRICS: FoundLyrics = { answer: null, settled: true };

const LineSchema = v.object({ timeMs: v.pipe(v.number(), v.minValue(0)), text: v.string() });
const AnswerSchema = v.union([
  v.object({ instrumental: v.literal(true) }),
  v.object({
    instrumental: v.literal(false),
    lyrics: v.object({ plain: v.pipe(v.string(), v.nonEmpty()), synced: v.optional(v.array(LineSchema)) }),
  }),
]);

export const wantsEmbedded = (output: string) => output === "embed" || output === "both";
export const wantsLrcFile = (output: string) => output === "lrc" || output === "both";

/** The first answer of the plugins in order, cached ones without a request. Aborts and run-stopping errors pass. */
export async function findLyrics(
  track: TrackMeta,
  lyrics: LyricsStageContext,
  signal: AbortSignal,
): Promise<FoundLyrics> {
  let settled = true;
  for (const plugin of lyrics.providers) {
    let answer = lyrics.cache.get(plugin.name, trackKey(track));
    if (answer === undefined) {
      try {
        answer = await callPlugin(plugin, "lyrics", async () => checkedAnswer(await plugin.lyrics(track, { signal })));
      } catch (error) {
        if (!(error instanceof PluginError) || signal.aborted) throw error;
        lyrics.warn(`${describeCause(error)} (${track.artists.join(", ")} - ${track.title}: no lyrics this run)`);
        settled = false;
        continue;
      }
      lyrics.cache.set(plugin.name, trackKey(track), answer);
    }
    if (answer) return { answer, settled: true };
  }
  return { answer: null, settled };
}

function checkedAnswer(answer: unknown): LyricsAnswer | null {
  if (answer === null || answer === undefined) return null;
  const result = v.safeParse(AnswerSchema, answer);
  if (!result.success) throw new Error("returned something that is not a LyricsAnswer or null");
  return result.output;
}

/** The tags with the lyrics in them, when the user wants them embedded and there are some. */
export function withEmbeddedLyrics(tags: TagSet, found: FoundLyrics, output: LyricsOutput): TagSet {
  const answer = found.answer;
  return answer && !answer.instrumental && wantsEmbedded(output) ? { ...tags, lyrics: answer.lyrics } : tags;
}

/**
 * After the audio is in place: writes the `.lrc` file (atomically) when wanted and records what the track got.
 * A miss is not recorded (the cache remembers it for a day); a failed write is a warning, the audio stays.
 */
export async function finishLyrics(track: TrackMeta, target: string, found: FoundLyrics, lyrics: LyricsStageContext) {
  const answer = found.answer;
  if (!answer) return;
  const key = trackKey(track);
  if (answer.instrumental) {
    lyrics.index.record({ trackKey: key, answer: "instrumental", output: lyrics.output }, lyrics.now());
    return;
  }
  try {
    let lrcPath: string | undefined;
    if (wantsLrcFile(lyrics.output)) {
      lrcPath = lrcPathFor(target);
      await writeFileAtomic(lrcPath, renderLrc(answer.lyrics, track));
    } else {
      // Keep the .lrc of an earlier `both` run on record, so --prune still removes it with its track.
      const earlier = lyrics.index.get(key)?.lrc?.path;
      lrcPath = earlier && existsSync(earlier) ? earlier : undefined;
    }
    const row = { trackKey: key, answer: "lyrics" as const, output: lyrics.output };
    lyrics.index.record(lrcPath ? { ...row, lrcPath } : row, lyrics.now());
  } catch (error) {
    lyrics.warn(`could not write the lyrics of ${track.title} beside ${target}: ${describeCause(error)}`);
  }
}
