/** Runs ffmpeg once to turn a downloaded file into the target format, leaving nothing behind on failure or abort. */
import { rm } from "node:fs/promises";
import { MusicdlError } from "../errors.ts";
import { log } from "../log.ts";
import { createFfmpegProgressReader, DEFAULT_STALL_MS, runProcess, stderrTail } from "./_run-process.ts";
import { probeAudio } from "./probe.ts";
import { type ConversionSource, type ConversionTarget, planConversion } from "./conversion-plan.ts";

export interface ConvertOptions {
  readonly input: string;
  /** The input's stream as the provider reported it (DownloadedAudio); probed with ffprobe when absent. */
  readonly source?: ConversionSource;
  /** Where to write; the caller passes a temp path in the target folder and renames it after tagging. */
  readonly output: string;
  readonly target: ConversionTarget;
  readonly ffmpegPath: string;
  readonly signal?: AbortSignal;
  /** Stop ffmpeg when its position has not moved for this long; default 60 s. */
  readonly stallMs?: number;
}

/**
 * The source as ffprobe measures it whenever an encode's bit rate depends on it (`auto`/`copy`): a player
 * response's declared figure can be above what the stream really carries, and more bits only add size.
 */
async function measuredSource(options: ConvertOptions, stallMs: number): Promise<ConversionSource> {
  const declared = options.source;
  if (declared && planConversion(declared, options.target).streamCopy) return declared;
  const wantsSourceRate = ["auto", "copy"].includes(options.target.bitrate.trim().toLowerCase());
  if (declared && !wantsSourceRate) return declared;
  const probed = await probeAudio(options.input, {
    ...(options.signal ? { signal: options.signal } : {}),
    stallMs,
  }).catch((error: unknown) => {
    if (declared && !options.signal?.aborted) return undefined;
    throw error;
  });
  if (!probed) return declared!;
  return { ...(declared ?? {}), ...probed };
}

export interface ConvertResult {
  readonly streamCopy: boolean;
  /** The full ffmpeg argv after the executable, for `--debug` and tests. */
  readonly args: readonly string[];
  /** From the plan: why it differs from what was asked, if it does. */
  readonly note?: string;
}

/**
 * Converts `input` to `output` with the first audio stream only and no metadata from the source: tags are the
 * tagger's job, and a video's title/uploader tags must not leak into the library.
 *
 * @example
 * ```ts
 * await convertAudio({ input, source: { codec: "opus", container: "webm" }, output: tmp,
 *   target: { format: "opus", bitrate: "auto" }, ffmpegPath }); // { streamCopy: true, args: [...] }
 * ```
 */
export async function convertAudio(options: ConvertOptions): Promise<ConvertResult> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const source = await measuredSource(options, stallMs);
  const plan = planConversion(source, options.target);
  const args = [
    "-nostdin",
    "-hide_banner",
    "-y",
    "-loglevel",
    "error",
    "-i",
    options.input,
    "-map",
    "0:a:0",
    "-vn",
    "-sn",
    "-dn",
    "-map_metadata",
    "-1",
    "-map_chapters",
    "-1",
    // bitexact keeps the muxer from writing its own "Lavf…" encoder tag into the file.
    "-fflags",
    "+bitexact",
    // Progress on stdout is how a hung ffmpeg is told from a slow one (see runProcess's stall deadline).
    "-progress",
    "pipe:1",
    "-nostats",
    ...plan.codecArgs,
    "-f",
    plan.muxer,
    options.output,
  ];
  // Logged before running, so a failing command can be copied from `--debug` output and run by hand.
  log.debug(`ffmpeg (${plan.streamCopy ? "stream copy" : "encode"}): ${[options.ffmpegPath, ...args].join(" ")}`);
  if (plan.note) log.debug(plan.note);
  try {
    const result = await runProcess([options.ffmpegPath, ...args], {
      ...(options.signal ? { signal: options.signal } : {}),
      stallMs,
      isProgress: createFfmpegProgressReader(),
      doing: `converting ${options.input} to ${plan.extension}`,
    });
    if (result.exitCode !== 0) {
      throw new MusicdlError(
        `ffmpeg could not convert ${options.input} to ${plan.extension} (exit ${result.exitCode}): ${stderrTail(result.stderr)}`,
        {
          hint: "Run with --debug to see the ffmpeg command; the item is retried on the next run.",
        },
      );
    }
  } catch (error) {
    await rm(options.output, { force: true }); // never leave a half-written file for the next run to trust
    throw error;
  }
  return { streamCopy: plan.streamCopy, args, ...(plan.note ? { note: plan.note } : {}) };
}
