/**
 * Download stage: one scratch folder per item that outlives an interrupted (or killed) run, so a provider can
 * resume its partial file and a download that finished before the interruption is reused instead of fetched again.
 */
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { callPlugin } from "../../plugins/call.ts";
import type { AudioCandidate, AudioFormat, DownloadedAudio, ProviderPlugin } from "../../plugins/api.ts";
import type { Limit } from "./context.ts";

/** Written beside the audio once `download()` returned: the next run trusts it instead of downloading again. */
const FINISHED_MARKER = "downloaded.json";

interface FinishedDownload {
  readonly provider: string;
  readonly candidateId: string;
  readonly audio: DownloadedAudio;
}

/** The item's scratch folder inside the executor's temp dir; its name is stable across runs. */
export function scratchFolderOf(tempDir: string, itemId: string): string {
  return join(tempDir, itemId.replace(/[^A-Za-z0-9_-]/g, "_"));
}

export interface DownloadOptions {
  readonly provider: ProviderPlugin;
  readonly candidate: AudioCandidate;
  readonly folder: string;
  /** Attempts in all (`max_retries`), at least one. */
  readonly attempts: number;
  readonly limit: Limit;
  readonly signal: AbortSignal;
  /** The format the audio is converted to, so the provider picks the stream that converts best. */
  readonly format?: AudioFormat;
}

/** The finished download of an earlier, interrupted run, or a fresh one (retried up to `attempts` times). */
export async function downloadAudio(options: DownloadOptions): Promise<DownloadedAudio> {
  const reused = await readFinished(options);
  if (reused) return reused;
  let lastError: unknown;
  for (let attempt = 1; attempt <= Math.max(1, options.attempts); attempt++) {
    options.signal.throwIfAborted();
    try {
      await mkdir(options.folder, { recursive: true });
      const audio = await options.limit(() => callDownload(options));
      const finished: FinishedDownload = { provider: options.provider.name, candidateId: options.candidate.id, audio };
      await writeFile(join(options.folder, FINISHED_MARKER), JSON.stringify(finished));
      return audio;
    } catch (error) {
      if (options.signal.aborted) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

async function callDownload({
  provider,
  candidate,
  folder,
  signal,
  format,
}: DownloadOptions): Promise<DownloadedAudio> {
  return callPlugin(
    provider,
    "download",
    () => provider.download(candidate, folder, { signal, ...(format ? { format } : {}) }),
    {
      signal,
    },
  );
}

/** Only the same candidate's audio, still on disk at the size the provider reported. */
async function readFinished(options: DownloadOptions): Promise<DownloadedAudio | undefined> {
  try {
    const finished = JSON.parse(await readFile(join(options.folder, FINISHED_MARKER), "utf8")) as FinishedDownload;
    if (finished.provider !== options.provider.name || finished.candidateId !== options.candidate.id) return undefined;
    const info = await stat(finished.audio.file);
    return info.isFile() && info.size === finished.audio.sizeBytes ? finished.audio : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the scratch folder of an item that finished or failed; an interrupted one keeps it to resume. */
export async function removeScratch(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true }).catch(() => undefined);
}
