/** `musicdl download [SOURCES...]`: resolve, match, download, convert, tag, write M3U; resumable. */
import { defineCommand } from "citty";
import { findFfmpeg } from "../../audio/ffmpeg-path.ts";
import { EXIT, InterruptedError, UsageError } from "../../errors.ts";
import { log } from "../../log.ts";
import { downloadLibrary } from "../../plan/download-library.ts";
import { asStoreWriteError } from "../../store/index.ts";
import { EXIT_CODES_HELP, globalArgs, sourcesArg } from "../global-args.ts";
import { createProgressRenderer, type ProgressMode } from "../progress/render.ts";
import { downloadToJson, renderSummary } from "../run-summary.ts";
import { closeAfter, openSession } from "../session.ts";
import { logSourceStats, sourceStats } from "../../plugins/source-stats.ts";
import { cancelOnSignals } from "../signals.ts";

export default defineCommand({
  meta: {
    name: "download",
    description: `Download what the config (or the SOURCES given) lists; a re-run only does what changed.\n\nExamples:\n  musicdl download\n  musicdl download --quiet --wait          # from cron\n  musicdl download "Rush - YYZ"            # a song by name, through a source's search\n  musicdl download <album link> -o ~/Music --format opus   # any link a source plugin reads (musicdl plugins)\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    sources: sourcesArg,
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
      onPluginEvent: (_plugin, event) =>
        progress.onEvent({ type: "wait", reason: event.reason, untilMs: event.untilMs }),
    });
    let failed = false;
    try {
      const result = await downloadLibrary({
        ...session,
        ffmpegPath: ffmpeg.ffmpeg,
        signal: cancel.signal,
        onEvent: progress.onEvent,
        wait: args.wait === true,
        prune: args.prune === true,
        sourcesGiven: args._.length > 0,
      });
      progress.stop();
      if (args.json)
        process.stdout.write(`${JSON.stringify(downloadToJson(result, sourceStats(session.registry.sources)))}\n`);
      else process.stderr.write(renderSummary(result));
      if (args.debug) logSourceStats(session.registry.sources);
      if (result.summary.interrupted) throw new InterruptedError();
      if (result.summary.counts.failed > 0 || result.failedSources.length > 0) process.exitCode = EXIT.SOME_FAILED;
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
