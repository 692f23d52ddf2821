/** The end-of-run summary, as people read it (counts, each failure, the failures file) or as `download --json` ends. */
import type { DownloadResult } from "../plan/download-library.ts";
import { textQueriesToJson } from "../plan/to-json.ts";
import { jsonDocument } from "../util/json-document.ts";

export function renderSummary(result: DownloadResult): string {
  const { summary } = result;
  const c = summary.trackCounts;
  const m3u = summary.m3uWritten > 0 ? ` · M3U files written ${summary.m3uWritten}` : "";
  const lines = [
    `tracks: done ${c.done} · skipped ${c.skipped} · failed ${c.failed}${m3u}${summary.interrupted ? " · interrupted" : ""}`,
  ];
  for (const failure of summary.failures) lines.push(`  failed ${failure.label} [${failure.stage}]: ${failure.reason}`);
  for (const source of result.failedSources) lines.push(`  source failed: ${source.reason}`);
  if (summary.m3uMissing > 0)
    lines.push(
      `  ${summary.m3uMissing} M3U entr${summary.m3uMissing === 1 ? "y" : "ies"} left out (their tracks failed)`,
    );
  if (result.removed > 0 && result.pruned === 0) {
    lines.push(
      `  ${result.removed} track(s) no longer listed by any source (kept on disk; --prune deletes the files musicdl wrote)`,
    );
  }
  // Pruning compares the library index with the plan, so it also deletes files an earlier run only reported.
  if (result.pruned > 0)
    lines.push(`  ${result.pruned} file(s) musicdl wrote for tracks no source lists were deleted (--prune)`);
  if (result.unlistedM3u > 0) {
    lines.push(
      `  ${result.unlistedM3u} M3U file(s) of sources no longer in the config (kept on disk; --prune deletes them)`,
    );
  }
  if (result.prunedM3u > 0)
    lines.push(`  ${result.prunedM3u} M3U file(s) of sources no longer in the config were deleted (--prune)`);
  if (result.failuresFile) lines.push(`Failures are listed in ${result.failuresFile}`);
  return `${lines.join("\n")}\n`;
}

/** The last line of `download --json`: what the run did. */
/** `sources`: each source's run counters under its plugin's name (`spotify: { requests… }`), see sourceStats. */
export function downloadToJson(
  result: DownloadResult,
  sources: Readonly<Record<string, object>>,
): Record<string, unknown> {
  const { textQueries, failedSources, summary, ...rest } = result;
  return jsonDocument({
    type: "summary",
    ...sources,
    textQueries: textQueriesToJson(textQueries),
    summary,
    failedSources: failedSources.map((source) => ({ url: source.entry.url, reason: source.reason })),
    ...rest,
  });
}
