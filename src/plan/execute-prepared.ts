/** Executes a prepared plan for one library: wires the executor to plugins, ffmpeg, the store and the matcher. */
import { rm } from "node:fs/promises";
import type { Config } from "../config/types.ts";
import { cleanupStaleTemps } from "../library/atomic-write.ts";
import { log } from "../log.ts";
import { describeRejection, resolveMatchSettings } from "../match/index.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import { asStoreWriteError, type PlaylistIndex, type Store } from "../store/index.ts";
import { LOCK_FILE_NAME } from "../store/library-lock.ts";
import { createCoverFetcher } from "../tags/cover.ts";
import type { EventSink } from "./events.ts";
import { executePlan, type RunSummary } from "./execute.ts";
import type { PlanItem } from "./model.ts";
import type { PreparedPlan } from "./prepare.ts";
import { recordReplacing } from "./replaced-file.ts";
import { scratchDirOf } from "./scratch-dir.ts";
import type { ExecutorContext } from "./stages/context.ts";
import type { LyricsStageContext } from "./stages/lyrics.ts";

export interface ExecutePreparedOptions {
  readonly config: Config;
  readonly store: Store;
  readonly registry: PluginRegistry;
  readonly convert: ExecutorContext["convert"];
  readonly signal: AbortSignal;
  readonly onEvent: EventSink;
  readonly fetchImpl?: typeof fetch;
}

export async function executePrepared(prepared: PreparedPlan, options: ExecutePreparedOptions): Promise<RunSummary> {
  const { config, store, registry } = options;
  const download = config.download;
  const matchSettings = resolveMatchSettings(config.match);
  const library = store.library(prepared.libraryKey);
  // Runs under the library's lock, so no other run is writing temps here; a library nested inside has its own lock.
  await cleanupStaleTemps(download.outputDir, { skipFoldersHolding: LOCK_FILE_NAME }).catch(() => []);
  const startedAtMs = Date.now();
  const ctx: ExecutorContext = {
    providers: registry.providersInOrder(download.audioProviders),
    taggerFor: (format) => registry.taggerFor(format),
    matchSettings,
    describeRejection,
    convert: options.convert,
    coverFor: createCoverFetcher(options.fetchImpl),
    searchCache: store.search,
    lyrics: lyricsStageOf(options, prepared.libraryKey),
    library: {
      upsert: (row) =>
        recordReplacing(
          library,
          store.lyricsIndex(prepared.libraryKey),
          { ...row, format: download.format, writtenAtMs: Date.now() },
          prepared.libraryKey,
        ),
    },
    persist: (item) => {
      try {
        persistItem(store, prepared.libraryKey, item);
      } catch (error) {
        throw asStoreWriteError(error, store.path);
      }
    },
    format: download.format,
    bitrate: download.bitrate,
    overwrite: download.overwrite,
    maxRetries: download.maxRetries,
    limits: {
      threads: download.threads,
      search: download.searchConcurrency,
      download: download.downloadConcurrency,
      ffmpeg: download.ffmpegConcurrency,
    },
    tempDir: scratchDirOf(prepared.libraryKey, download.cachePath),
    onEvent: options.onEvent,
    signal: options.signal,
  };
  const summary = await executePlan(prepared.plan, ctx);
  recordPlaylistFiles(prepared.plan.items, store.playlists(prepared.libraryKey));
  // The playlist's M3U now lives under its new name; the old one would list a stale copy.
  if (!summary.interrupted) await Promise.all(prepared.renamedM3uFiles.map((file) => rm(file, { force: true })));
  store.plans.recordRun(prepared.libraryKey, { startedAtMs, endedAtMs: Date.now(), counts: summary.counts });
  return summary;
}

/** Lyrics plugins in config order, the store's cache and record, and the library index's word on whose file is whose. */
function lyricsStageOf(options: ExecutePreparedOptions, libraryKey: string): LyricsStageContext {
  const { config, store, registry } = options;
  const library = store.library(libraryKey);
  let warnings = 0;
  return {
    providers: registry.lyricsInOrder(config.download.lyricsProviders),
    output: config.download.lyricsOutput,
    cache: store.lyrics,
    index: store.lyricsIndex(libraryKey),
    isOurs(key, target) {
      const presence = library.isPresentAndComplete(key);
      return presence.present && presence.path === target;
    },
    // An unreachable lyrics service would say the same for every track: the first few say it, --debug the rest.
    warn(message) {
      warnings++;
      if (warnings <= MAX_LYRICS_WARNINGS) log.warn(message);
      else log.debug(message);
      if (warnings === MAX_LYRICS_WARNINGS) log.warn("More lyrics warnings are shown with --debug.");
    },
    now: () => Date.now(),
  };
}

const MAX_LYRICS_WARNINGS = 3;

function persistItem(store: Store, libraryKey: string, item: PlanItem): void {
  store.plans.updateItem(libraryKey, item.id, {
    status: item.status,
    attempts: item.attempts,
    error: item.error ?? null,
    target: item.target,
    ...(item.kind === "track" ? { match: item.match ?? null } : {}),
  });
}

/** The M3U files on disk as this run left them: what `--prune` may delete once their source leaves the config. */
function recordPlaylistFiles(items: readonly PlanItem[], playlists: PlaylistIndex): void {
  const now = Date.now();
  for (const item of items) {
    if (item.kind !== "m3u" || (item.status !== "done" && item.status !== "skipped")) continue;
    try {
      playlists.record(item.id, item.target, now);
    } catch {
      // Gone already (removed by hand mid-run): nothing of musicdl's to record.
    }
  }
}
