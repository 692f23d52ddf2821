/** Fetches each album's largest cover once per run; a missing cover never fails a track. */
import type { TagSet, TrackMeta } from "../plugins/api.ts";
import { log } from "../log.ts";
import { trackKey } from "../plugins/track-key.ts";

export type CoverFetcher = (track: TrackMeta, signal: AbortSignal) => Promise<TagSet["cover"]>;

export function createCoverFetcher(fetchImpl: typeof fetch = fetch): CoverFetcher {
  const byAlbum = new Map<string, Promise<TagSet["cover"]>>();
  return (track, signal) => {
    // Album ids are the source's own: two sources may both have an album "1".
    const key = track.album.id ? `${track.source}\talbum:${track.album.id}` : trackKey(track);
    let pending = byAlbum.get(key);
    if (!pending) {
      pending = downloadLargest(track, fetchImpl, signal);
      byAlbum.set(key, pending);
    }
    return pending;
  };
}

async function downloadLargest(
  track: TrackMeta,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<TagSet["cover"]> {
  const largest = [...track.album.images].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (!largest) return undefined;
  try {
    const response = await fetchImpl(largest.url, { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = new Uint8Array(await response.arrayBuffer());
    const mime = isPng(data) ? "image/png" : "image/jpeg";
    return { mime, data };
  } catch (error) {
    if (signal.aborted) throw error;
    log.warn(
      `cover of "${track.album.name}" could not be fetched (${error instanceof Error ? error.message : error}); tagging without it`,
    );
    return undefined;
  }
}

function isPng(data: Uint8Array): boolean {
  return data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
}
