/**
 * Preloaded into a benchmarked musicdl: prints its own peak RSS (VmHWM) on exit. The rusage `maxRSS` a parent gets
 * back is not that figure on Linux: it keeps the high-water mark of the forked copy of the parent from before
 * `exec`, so a bench process that grew to 170 MB serving the fakes reported 170 MB for a 95 MB musicdl.
 */
import { readFileSync } from "node:fs";

process.on("exit", () => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb) process.stderr.write(`MUSICDL_PEAK_RSS_KB ${kb}\n`);
  } catch {
    // No /proc (macOS): the bench falls back to rusage.
  }
});
