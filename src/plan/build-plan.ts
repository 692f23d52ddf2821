/**
 * Turns resolved sources into a plan: one track item per recording across all sources (same source and id, or the
 * same ISRC on a single and an album), M3U items that list their own entries in their own order, and tracks already
 * on disk skipped up front. Pure: every decision that needs the disk arrives as a function.
 */
import type { SourceEntry } from "../config/types.ts";
import type { ResolvedSource, TrackMeta } from "../plugins/api.ts";
import type {
  DownloadPlan,
  M3uPlanItem,
  PlanItem,
  PlanItemStatus,
  PlanStats,
  SourceRefOfItem,
  TrackPlanItem,
} from "./model.ts";
import { trackKey } from "../plugins/track-key.ts";

export interface ResolvedEntry {
  readonly entry: SourceEntry;
  readonly source: ResolvedSource;
}

export interface TargetContext {
  /** The playlist a track was first listed in, for `{playlist}` templates. */
  readonly playlist?: string;
  readonly playlistPosition?: number;
}

export interface BuildPlanOptions {
  /** Absolute target path of a track (template rendered, sanitized, inside the library). */
  targetFor(track: TrackMeta, context: TargetContext): string;
  /** Absolute path of the M3U a source writes. */
  m3uPathFor(source: ResolvedSource, entry: SourceEntry): string;
  /** Gives colliding targets distinct paths (id → path); identity when absent. */
  disambiguate?(items: { id: string; path: string }[]): Map<string, string>;
  /** Whether a complete file for this track is already in the library (overwrite: skip only). */
  isPresent?(track: TrackMeta, target: string): boolean;
}

export function trackItemId(track: TrackMeta): string {
  return `track:${trackKey(track)}`;
}

export function buildPlan(resolved: readonly ResolvedEntry[], options: BuildPlanOptions): DownloadPlan {
  const occurrences = collectOccurrences(resolved);
  const canonical = chooseCanonicalTracks(occurrences);
  const trackItems = createTrackItems(occurrences, canonical, options);
  const m3uItems = createM3uItems(resolved, canonical, options);
  // Two playlists Spotify names alike would write one M3U over the other.
  applyDisambiguation(m3uItems, options);
  const items: PlanItem[] = [...trackItems, ...m3uItems];
  const dependencies: Record<string, string[]> = {};
  for (const m3u of m3uItems) dependencies[m3u.id] = [...new Set(m3u.entries)];
  const stats = computeStats(items, occurrences.length);
  return { items, dependencies, stats };
}

interface Occurrence {
  readonly track: TrackMeta;
  readonly source: SourceRefOfItem;
  readonly explicitSong: boolean;
  readonly order: number;
}

function collectOccurrences(resolved: readonly ResolvedEntry[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const { entry, source } of resolved) {
    // A playlist listed by its bare link is still named, by Spotify, so `{playlist}` never renders empty.
    const name = entry.name || (entry.section === "playlists" ? source.name.trim() : "");
    source.tracks.forEach((track, index) => {
      occurrences.push({
        track,
        source: {
          section: entry.section,
          url: entry.url,
          ...(name ? { name } : {}),
          position: index + 1,
          ...(entry.via ? { via: entry.via } : {}),
        },
        explicitSong: entry.section === "songs",
        order: occurrences.length,
      });
    });
  }
  return occurrences;
}

/** Maps every track key seen to the track of the recording kept for it. */
function chooseCanonicalTracks(occurrences: readonly Occurrence[]): Map<string, TrackMeta> {
  const byKey = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = recordingKey(occurrence.track);
    const group = byKey.get(key);
    if (group) group.push(occurrence);
    else byKey.set(key, [occurrence]);
  }
  const canonical = new Map<string, TrackMeta>();
  for (const group of byKey.values()) {
    const kept = [...group].sort(compareForKeeping)[0]!.track;
    for (const occurrence of group) canonical.set(trackKey(occurrence.track), kept);
  }
  return canonical;
}

/** One key per recording: the ISRC when the source gave one, else the track key. */
function recordingKey(track: TrackMeta): string {
  return track.isrc ? `isrc:${track.isrc.toUpperCase()}` : `id:${trackKey(track)}`;
}

const ALBUM_TYPE_RANK: Record<string, number> = { album: 0, single: 1, compilation: 2 };

/** A song the user listed by itself wins; otherwise the album version, then the first seen. */
function compareForKeeping(a: Occurrence, b: Occurrence): number {
  if (a.explicitSong !== b.explicitSong) return a.explicitSong ? -1 : 1;
  const rankA = ALBUM_TYPE_RANK[a.track.album.type] ?? 3;
  const rankB = ALBUM_TYPE_RANK[b.track.album.type] ?? 3;
  return rankA - rankB || a.order - b.order;
}

function createTrackItems(
  occurrences: readonly Occurrence[],
  canonical: ReadonlyMap<string, TrackMeta>,
  options: BuildPlanOptions,
): TrackPlanItem[] {
  const items = new Map<string, TrackPlanItem>();
  for (const occurrence of occurrences) {
    const track = canonical.get(trackKey(occurrence.track))!;
    const id = trackItemId(track);
    const existing = items.get(id);
    if (existing) {
      if (!existing.sources.some((s) => s.url === occurrence.source.url)) existing.sources.push(occurrence.source);
      continue;
    }
    const context: TargetContext =
      occurrence.source.section === "playlists"
        ? { playlist: occurrence.source.name ?? "", playlistPosition: occurrence.source.position }
        : {};
    items.set(id, {
      id,
      kind: "track",
      status: "pending",
      attempts: 0,
      track,
      target: options.targetFor(track, context),
      sources: [occurrence.source],
    });
  }
  const list = [...items.values()];
  applyDisambiguation(list, options);
  for (const item of list) {
    if (options.isPresent?.(item.track, item.target)) {
      item.status = "skipped";
      item.skipReason = "already present";
    }
  }
  return list;
}

function applyDisambiguation(items: { id: string; target: string }[], options: BuildPlanOptions): void {
  if (!options.disambiguate) return;
  const paths = options.disambiguate(items.map((item) => ({ id: item.id, path: item.target })));
  for (const item of items) item.target = paths.get(item.id) ?? item.target;
}

function createM3uItems(
  resolved: readonly ResolvedEntry[],
  canonical: ReadonlyMap<string, TrackMeta>,
  options: BuildPlanOptions,
): M3uPlanItem[] {
  const items = new Map<string, M3uPlanItem>();
  for (const { entry, source } of resolved) {
    if (!entry.createM3u) continue;
    const id = `m3u:${source.kind}:${source.id}`;
    if (items.has(id)) continue;
    items.set(id, {
      id,
      kind: "m3u",
      status: "pending",
      attempts: 0,
      title: source.name,
      target: options.m3uPathFor(source, entry),
      entries: source.tracks.map((track) => trackItemId(canonical.get(trackKey(track)) ?? track)),
      sources: [
        {
          section: entry.section,
          url: entry.url,
          ...(entry.name ? { name: entry.name } : {}),
          ...(entry.via ? { via: entry.via } : {}),
        },
      ],
    });
  }
  return [...items.values()];
}

export function computeStats(items: readonly PlanItem[], trackEntries: number): PlanStats {
  const byStatus = Object.fromEntries(
    (["pending", "matching", "matched", "downloading", "tagging", "done", "skipped", "failed"] as const).map((s) => [
      s,
      0,
    ]),
  ) as Record<PlanItemStatus, number>;
  let tracks = 0;
  let alreadyPresent = 0;
  let m3u = 0;
  for (const item of items) {
    byStatus[item.status]++;
    if (item.kind === "m3u") {
      m3u++;
      continue;
    }
    tracks++;
    if (item.status === "skipped" && item.skipReason === "already present") alreadyPresent++;
  }
  const toDownload = items.filter((i) => i.kind === "track" && i.status !== "skipped" && i.status !== "done").length;
  return { tracks, duplicatesRemoved: trackEntries - tracks, alreadyPresent, toDownload, m3u, byStatus };
}
