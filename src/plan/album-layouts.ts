/**
 * Shares what one source learned about an album's discs with the others: a playlist's track does not say how many
 * discs its album has, but the same album listed by an album or artist source in this run does. Pure.
 */
import type { AlbumMeta, TrackMeta } from "../plugins/api.ts";
import type { ResolvedEntry } from "./build-plan.ts";

type Layout = Required<Pick<AlbumMeta, "totalDiscs">> & Pick<AlbumMeta, "tracksPerDisc">;

export function shareAlbumLayouts(resolved: readonly ResolvedEntry[]): ResolvedEntry[] {
  const layouts = new Map<string, Layout>();
  for (const { source } of resolved) {
    for (const { album } of source.tracks) {
      if (album.totalDiscs === undefined) continue;
      const known = layouts.get(album.id);
      // A layout with per-disc counts says more than a disc count alone.
      if (!known || (!known.tracksPerDisc && album.tracksPerDisc))
        layouts.set(album.id, {
          totalDiscs: album.totalDiscs,
          ...(album.tracksPerDisc ? { tracksPerDisc: album.tracksPerDisc } : {}),
        });
    }
  }
  if (layouts.size === 0) return [...resolved];
  const fill = (track: TrackMeta) => {
    const layout = layouts.get(track.album.id);
    return layout ? withDiscLayout(track, layout) : track;
  };
  return resolved.map((entry) => ({ ...entry, source: { ...entry.source, tracks: entry.source.tracks.map(fill) } }));
}

/** The same track with its album's disc layout filled in (known once the whole album was listed). */
export function withDiscLayout(
  track: TrackMeta,
  layout: { readonly totalDiscs: number; readonly tracksPerDisc?: readonly number[] },
): TrackMeta {
  const album = track.album;
  const same = album.totalDiscs === layout.totalDiscs && album.tracksPerDisc?.join() === layout.tracksPerDisc?.join();
  if (same) return track;
  return {
    ...track,
    album: {
      ...album,
      totalDiscs: layout.totalDiscs,
      ...(layout.tracksPerDisc ? { tracksPerDisc: layout.tracksPerDisc } : {}),
    },
  };
}
