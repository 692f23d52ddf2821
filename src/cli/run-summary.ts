/** The end-of-run summary: counts, each failure with its reason, and the failures file written next to the state. */
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../library/atomic-write.ts";
import type { RunSummary } from "../plan/execute.ts";
import type { FailedSource } from "../plan/resolve-sources.ts";

export interface SummaryInput {
  readonly summary: RunSummary;
  readonly failedSources: readonly FailedSource[];
  readonly removed: number;
  readonly pruned: number;
  /** M3U files musicdl wrote for sources the config no longer lists, still on disk. */
  readonly unlistedM3u: number;
  readonly prunedM3u: number;
}

export function renderSummary(input: SummaryInput, failuresFile: string | null): string {
  const { summary } = input;
  const c = summary.trackCounts;
  const m3u = summary.m3uWritten > 0 ? ` · M3U files written ${summary.m3uWritten}` : "";
  const lines = [
    `tracks: done ${c.done} · skipped ${c.skipped} · failed ${c.failed}${m3u}${summary.interrupted ? " · interrupted" : ""}`,
  ];
  for (const failure of summary.failures) lines.push(`  failed ${failure.label} [${failure.stage}]: ${failure.reason}`);
  for (const source of input.failedSources) lines.push(`  source failed: ${source.reason}`);
  if (summary.m3uMissing > 0)
    lines.push(
      `  ${summary.m3uMissing} M3U entr${summary.m3uMissing === 1 ? "y" : "ies"} left out (their tracks failed)`,
    );
  if (input.removed > 0 && input.pruned === 0) {
    lines.push(
      `  ${input.removed} track(s) no longer listed by any source (kept on disk; --prune deletes the files musicdl wrote)`,
    );
  }
  // Pruning compares the library index with the plan, so it also deletes files an earlier run only reported.
  if (input.pruned > 0)
    lines.push(`  ${input.pruned} file(s) musicdl wrote for tracks no source lists were deleted (--prune)`);
  if (input.unlistedM3u > 0) {
    lines.push(
      `  ${input.unlistedM3u} M3U file(s) of sources no longer in the config (kept on disk; --prune deletes them)`,
    );
  }
  if (input.prunedM3u > 0)
    lines.push(`  ${input.prunedM3u} M3U file(s) of sources no longer in the config were deleted (--prune)`);
  if (failuresFile) lines.push(`Failures are listed in ${failuresFile}`);
  return `${lines.join("\n")}\n`;
}

/** Writes (or, after a clean run, empties) the failures list beside the state database; returns its path. */
export async function writeFailuresFile(
  cachePath: string,
  libraryKey: string,
  input: SummaryInput,
): Promise<string | null> {
  const file = join(dirname(cachePath), "last-failures.txt");
  const rows = [
    ...input.summary.failures.map((f) => `${f.id}\t${f.stage}\t${f.label}\t${f.reason}`),
    ...input.failedSources.map((s) => `source\tresolve\t${s.entry.url}\t${s.reason}`),
  ];
  const header = `# musicdl failures for ${libraryKey} at ${new Date().toISOString()}\n`;
  await writeFileAtomic(file, `${header}${rows.join("\n")}${rows.length ? "\n" : ""}`);
  return rows.length ? file : null;
}
