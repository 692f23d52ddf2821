/** The `plan --json` document's items and stats (docs/json.md). Field names are public: users script against them. */
import type { TextMatch } from "../plugins/api.ts";
import type { DownloadPlan, PlanItem } from "./model.ts";

export function planToJson(plan: DownloadPlan): { items: Record<string, unknown>[]; stats: Record<string, unknown> } {
  return { items: plan.items.map(itemToJson), stats: statsToJson(plan) };
}

function itemToJson(item: PlanItem): Record<string, unknown> {
  const sources = item.sources.map((s) => ({
    section: s.section,
    url: s.url,
    name: s.name ?? null,
    position: s.position ?? null,
  }));
  const common = { id: item.id, kind: item.kind, status: item.status, target: item.target, sources };
  const error = item.error ? { error: { stage: item.error.stage, reason: item.error.reason } } : {};
  if (item.kind === "m3u") return { ...common, title: item.title, entries: item.entries, ...error };
  const track = item.track;
  return {
    ...common,
    source: track.source,
    source_id: track.id,
    isrc: track.isrc ?? null,
    title: track.title,
    artists: track.artists,
    album: track.album.name,
    duration_ms: track.durationMs,
    ...(item.skipReason ? { skip_reason: item.skipReason } : {}),
    pinned: item.pinned === true,
    match: item.match
      ? {
          provider: item.match.candidate.provider,
          id: item.match.candidate.id,
          url: item.match.candidate.url,
          title: item.match.candidate.title,
          distance: Number(item.match.distance.toFixed(4)),
          verdict: item.match.verdict,
          pinned: item.pinned === true,
        }
      : null,
    ...error,
  };
}

function statsToJson(plan: DownloadPlan): Record<string, unknown> {
  const s = plan.stats;
  return {
    tracks: s.tracks,
    duplicates_removed: s.duplicatesRemoved,
    already_present: s.alreadyPresent,
    to_download: s.toDownload,
    m3u: s.m3u,
    by_status: s.byStatus,
  };
}

/** What each plain-text source resolved to, for `plan --json` and `download --json` (issue 18). */
export function textQueriesToJson(resolutions: readonly TextMatch[]): Record<string, unknown>[] {
  return resolutions.map((resolution) => ({
    query: resolution.query,
    source: resolution.track.source,
    source_id: resolution.track.id,
    url: resolution.track.url ?? null,
    title: resolution.track.title,
    artists: resolution.track.artists,
    album: resolution.track.album.name,
    isrc: resolution.track.isrc ?? null,
    score: resolution.score,
    searched: resolution.searched,
    remembered: resolution.remembered,
  }));
}
