/** The readable `musicdl plan` output: tracks grouped by the source that asked for them, then totals. */
import type { DownloadPlan, TrackPlanItem } from "../plan/model.ts";
import { trackLabel } from "../plan/track-label.ts";

export function renderPlanTable(plan: DownloadPlan, outputDir: string): string {
  const groups = new Map<string, TrackPlanItem[]>();
  for (const item of plan.items) {
    if (item.kind !== "track") continue;
    const first = item.sources[0];
    const key = first ? `${first.section}: ${first.name ? `${first.name} (${first.url})` : first.url}` : "(unknown)";
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const lines: string[] = [];
  for (const [source, items] of groups) {
    lines.push(source);
    for (const item of items) {
      const state = item.status === "skipped" ? `skip (${item.skipReason ?? "skipped"})` : item.status;
      const also = item.sources.length > 1 ? `  [+${item.sources.length - 1} other source(s)]` : "";
      lines.push(`  ${state.padEnd(24)} ${trackLabel(item.track)}${also}`);
      lines.push(`  ${"".padEnd(24)} → ${relativeTo(outputDir, item.target)}`);
    }
    lines.push("");
  }
  const s = plan.stats;
  lines.push(
    `tracks ${s.tracks} · duplicates removed ${s.duplicatesRemoved} · already present ${s.alreadyPresent} · to download ${s.toDownload} · M3U files ${s.m3u}`,
  );
  return `${lines.join("\n")}\n`;
}

function relativeTo(root: string, path: string): string {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
