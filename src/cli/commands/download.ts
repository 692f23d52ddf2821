/** `musicdl download [SOURCES...]`: resolve, match, download, convert, tag, write M3U; resumable. */
import { defineCommand } from "citty";
import { convertAudio } from "../../audio/convert.ts";
import { findFfmpeg } from "../../audio/ffmpeg-path.ts";
import { EXIT, InterruptedError, UsageError } from "../../errors.ts";
import { log } from "../../log.ts";
import { type PreparedPlan, preparePlan } from "../../plan/prepare.ts";
import { describeTextResolution, textQueriesToJson } from "../../plan/to-json.ts";
import { removeEmptiedFolders } from "../../library/empty-folders.ts";
import { pruneUnlisted, pruneUnlistedPlaylists, unlistedPlaylists } from "../../plan/prune.ts";
import { executePrepared } from "../../plan/execute-prepared.ts";
import {
  asStoreWriteError,
  type LibraryIndex,
  type LyricsIndex,
  type PlaylistIndex,
  releaseOnExit,
} from "../../store/index.ts";
import { EXIT_CODES_HELP, globalArgs } from "../global-args.ts";
import { createProgressRenderer, type ProgressMode } from "../progress/render.ts";
import { renderSummary, writeFailuresFile } from "../run-summary.ts";
import { closeAfter, openSession } from "../session.ts";
import { cancelOnSignals } from "../signals.ts";

export default defineCommand({
  meta: {
    name: "download",
    description: `Download what the config (or the SOURCES given) lists; a re-run only does what changed.\n\nExamples:\n  musicdl download\n  musicdl download --quiet --wait          # from cron\n  musicdl download "Rush - YYZ"            # a song by name, through Spotify search\n  musicdl download https://open.spotify.com/album/4wtZQMNTC1O79kDxMBsEan -o ~/Music --format opus\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    sources: {
      type: "positional",
      required: false,
      description:
        'Spotify URLs/URIs (track, album, playlist, artist), `saved`, `saved-albums`, `followed-artists`, `my-playlists`, or a song as text ("Artist - Title")',
    },
    ...globalArgs,
    wait: { type: "boolean", description: "If another musicdl run holds the library, wait for it instead of exiting" },
    prune: {
      type: "boolean",
      description: "Delete files musicdl wrote for tracks no source lists any more, and M3U files of removed sources",
    },
  },
  async run({ args }) {
    if (args.prune && args._.length > 0) {
      throw new UsageError("--prune works from the config's sources, not links given on the command line.", {
        hint: "Run `musicdl download --prune` without links: it deletes files of tracks the config no longer lists.",
      });
    }
    const ffmpeg = await findFfmpeg();
    const mode: ProgressMode = args.json ? "json" : process.stderr.isTTY && !args.quiet ? "live" : "lines";
    const write = (text: string) => (mode === "json" ? process.stdout : process.stderr).write(text);
    const progress = createProgressRenderer({ mode, write, columns: process.stderr.columns ?? 80 });
    const cancel = cancelOnSignals();
    const session = await openSession({
      args,
      ffmpegPath: ffmpeg.ffmpeg,
      checkFolders: true,
      onSpotifyEvent: (event) => {
        if (event.type === "rate-limit-wait")
          progress.onEvent({ type: "wait", reason: "Spotify asked for a pause", untilMs: event.until });
      },
    });
    let failed = false;
    try {
      const { config, store } = session;
      const lock = await store.acquireLibraryLock(config.download.outputDir, {
        wait: args.wait === true,
        signal: cancel.signal,
      });
      const unregister = releaseOnExit(lock);
      try {
        const prepared = await preparePlan({ ...session, signal: cancel.signal, save: true });
        for (const warning of prepared.warnings) log.warn(warning);
        for (const resolution of prepared.textQueries) log.info(describeTextResolution(resolution));
        const summary = await executePrepared(prepared, {
          ...session,
          convert: (options) =>
            convertAudio({
              input: options.input,
              output: options.output,
              target: options.target,
              source: {
                codec: options.sourceCodec,
                container: options.sourceContainer,
                ...(options.sourceBitrateKbps ? { bitrateKbps: options.sourceBitrateKbps } : {}),
              },
              ffmpegPath: ffmpeg.ffmpeg,
              signal: options.signal,
              stallMs: config.download.ffmpegStallTimeoutS * 1000,
            }),
          signal: cancel.signal,
          onEvent: progress.onEvent,
        });
        progress.stop();
        const indexes = {
          library: store.library(prepared.libraryKey),
          playlists: store.playlists(prepared.libraryKey),
          lyrics: store.lyricsIndex(prepared.libraryKey),
        };
        const pruned = args.prune && !summary.interrupted ? await prune(prepared, indexes) : { files: 0, m3u: 0 };
        // Links on the command line stand for the config only this once: its other playlists are not "removed".
        const unlistedM3u = args._.length === 0 ? unlistedPlaylists(prepared.plan.items, indexes.playlists).length : 0;
        const input = {
          summary,
          failedSources: prepared.failedSources,
          removed: prepared.removed.length,
          pruned: pruned.files,
          unlistedM3u,
          prunedM3u: pruned.m3u,
        };
        const failuresFile = await writeFailuresFile(config.download.cachePath, prepared.libraryKey, input);
        if (args.json) {
          const stats = {
            spotify: session.spotify.stats(),
            text_queries: textQueriesToJson(prepared.textQueries),
            ...input,
            summary: { ...summary },
          };
          process.stdout.write(`${JSON.stringify({ type: "summary", ...stats, failuresFile })}\n`);
        } else {
          process.stderr.write(renderSummary(input, failuresFile));
        }
        if (args.debug) log.debug(`spotify: ${JSON.stringify(session.spotify.stats())}`);
        if (summary.interrupted) throw new InterruptedError();
        if (summary.counts.failed > 0 || prepared.failedSources.length > 0) process.exitCode = EXIT.SOME_FAILED;
      } finally {
        unregister();
        lock.release();
      }
    } catch (error) {
      failed = true;
      throw asStoreWriteError(error, session.store.path);
    } finally {
      progress.stop();
      cancel.dispose();
      await closeAfter(session, failed);
    }
  },
});

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
