/**
 * One `download` of a library, start to end: take the library's lock, prepare the plan, execute it (tracks, then M3U
 * files), prune what no source lists any more, write the failures file, and return the result for the CLI to show.
 */
import { convertAudio } from "../audio/convert.ts";
import { removeEmptiedFolders } from "../library/empty-folders.ts";
import { log } from "../log.ts";
import { type LibraryIndex, type LyricsIndex, type PlaylistIndex, releaseOnExit } from "../store/index.ts";
import type { EventSink } from "./events.ts";
import type { RunSummary } from "./execute.ts";
import { type ExecutePreparedOptions, executePrepared } from "./execute-prepared.ts";
import { writeFailuresFile } from "./failures-file.ts";
import { type PreparedPlan, type PrepareOptions, preparePlan } from "./prepare.ts";
import { pruneUnlisted, pruneUnlistedPlaylists, unlistedPlaylists } from "./prune.ts";
import type { FailedSource } from "./resolve-sources.ts";
import { describeTextResolution } from "../match/track-choice.ts";
import type { TextMatch } from "../plugins/api.ts";

export interface DownloadLibraryOptions extends Omit<PrepareOptions, "save"> {
  readonly ffmpegPath: string;
  readonly onEvent: EventSink;
  /** Wait for another run holding the library instead of failing at once. */
  readonly wait: boolean;
  /** Delete the files musicdl wrote for tracks no source lists, and the M3U files of removed sources. */
  readonly prune: boolean;
  /** The sources came from the command line: they stand for the config this once, so its other playlists are not
   * counted as removed. */
  readonly sourcesGiven: boolean;
  readonly fetchImpl?: typeof fetch;
}

/** What a run did, as the end-of-run summary and `download --json` report it. */
export interface DownloadResult {
  readonly summary: RunSummary;
  readonly failedSources: readonly FailedSource[];
  /** Tracks of the last plan that no source lists any more. */
  readonly removed: number;
  /** Files deleted by `--prune`. */
  readonly pruned: number;
  /** M3U files musicdl wrote for sources the config no longer lists, still on disk. */
  readonly unlistedM3u: number;
  /** M3U files deleted by `--prune`. */
  readonly prunedM3u: number;
  readonly textQueries: readonly TextMatch[];
  /** `last-failures.txt`, when anything failed. */
  readonly failuresFile: string | null;
}

export async function downloadLibrary(options: DownloadLibraryOptions): Promise<DownloadResult> {
  const { config, store, signal } = options;
  const lock = await store.acquireLibraryLock(config.download.outputDir, { wait: options.wait, signal });
  const unregister = releaseOnExit(lock);
  try {
    const prepared = await preparePlan({ ...options, save: true });
    for (const warning of prepared.warnings) log.warn(warning);
    for (const resolution of prepared.textQueries) log.info(describeTextResolution(resolution));
    const summary = await executePrepared(prepared, { ...options, convert: ffmpegConvert(options) });
    const indexes = {
      library: store.library(prepared.libraryKey),
      playlists: store.playlists(prepared.libraryKey),
      lyrics: store.lyricsIndex(prepared.libraryKey),
    };
    const pruned = options.prune && !summary.interrupted ? await prune(prepared, indexes) : { files: 0, m3u: 0 };
    const unlistedM3u = options.sourcesGiven ? 0 : unlistedPlaylists(prepared.plan.items, indexes.playlists).length;
    const run = { summary, failedSources: prepared.failedSources };
    return {
      ...run,
      removed: prepared.removed.length,
      pruned: pruned.files,
      unlistedM3u,
      prunedM3u: pruned.m3u,
      textQueries: prepared.textQueries,
      failuresFile: await writeFailuresFile(config.download.cachePath, prepared.libraryKey, run),
    };
  } finally {
    unregister();
    lock.release();
  }
}

/** The executor's convert step, done by the system's (or the bundled) ffmpeg. */
function ffmpegConvert(options: DownloadLibraryOptions): ExecutePreparedOptions["convert"] {
  return (step) =>
    convertAudio({
      input: step.input,
      output: step.output,
      target: step.target,
      source: {
        codec: step.sourceCodec,
        container: step.sourceContainer,
        ...(step.sourceBitrateKbps ? { bitrateKbps: step.sourceBitrateKbps } : {}),
      },
      ffmpegPath: options.ffmpegPath,
      signal: step.signal,
      stallMs: options.config.download.ffmpegStallTimeoutS * 1000,
    });
}

/** A source that could not be read this time may still list any track, so nothing is pruned then. */
async function prune(
  prepared: PreparedPlan,
  indexes: { library: LibraryIndex; playlists: PlaylistIndex; lyrics: LyricsIndex },
): Promise<{ files: number; m3u: number }> {
  if (prepared.failedSources.length > 0) {
    log.warn(`not pruning: ${prepared.failedSources.length} source(s) could not be read, so what they list is unknown`);
    return { files: 0, m3u: 0 };
  }
  const files = await pruneUnlisted(prepared.plan.items, indexes.library, indexes.lyrics);
  const m3u = await pruneUnlistedPlaylists(prepared.plan.items, indexes.playlists);
  // An album pruned whole leaves no empty `Artist/Album/` folder behind; one holding anything else stays.
  removeEmptiedFolders([...files, ...m3u], prepared.libraryKey);
  return { files: files.length, m3u: m3u.length };
}
