/** `download:` keys the plan's executor reads (src/plan/run.ts): workers, retries, concurrency and ffmpeg's patience. */
import { availableParallelism } from "node:os";
import * as v from "valibot";
import { durationSchema } from "../durations.ts";
import { computedDefault, wholeNumber } from "../rules.ts";
import type { SettingsContext } from "./context.ts";

export const threadsSchema = wholeNumber(1, 16);

export const executorKeys = {
  threads: v.nullish(threadsSchema, 4),
  max_retries: v.nullish(wholeNumber(0, 100), 3),
  search_concurrency: v.pipe(v.nullish(wholeNumber(1, 64)), computedDefault("threads")),
  download_concurrency: v.pipe(v.nullish(wholeNumber(1, 64)), computedDefault("threads")),
  ffmpeg_concurrency: v.pipe(v.nullish(wholeNumber(1, 64)), computedDefault("CPU cores")),
  ffmpeg_stall_timeout: v.nullish(
    v.pipe(
      durationSchema,
      v.minValue(1, "expected at least 1 second, e.g. 60s or 5m (a conversion needs time to start)"),
    ),
    60,
  ),
};
const ExecutorKeysSchema = v.object(executorKeys);

export function executorSettings(file: v.InferOutput<typeof ExecutorKeysSchema>, { overrides }: SettingsContext) {
  // `--threads` also sets the searches and downloads at once that the file leaves to `threads`.
  const threads = overrides.threads ?? file.threads;
  return {
    threads,
    maxRetries: file.max_retries,
    /** Concurrent provider searches / downloads / ffmpeg processes. */
    searchConcurrency: file.search_concurrency ?? threads,
    downloadConcurrency: file.download_concurrency ?? threads,
    ffmpegConcurrency: file.ffmpeg_concurrency ?? availableParallelism(),
    /** Seconds an ffmpeg/ffprobe run may go without progress before it is stopped and the item fails. */
    ffmpegStallTimeoutS: file.ffmpeg_stall_timeout,
  } as const;
}
export type ExecutorSettings = ReturnType<typeof executorSettings>;
