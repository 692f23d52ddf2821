/** What the client caches in: the plugin's `ctx.cache` (the store's keyed cache, or memory when no store is open). */
import type { KeyedCache } from "musicdl/plugin";

export type SpotifyCache = KeyedCache;

/** Cache keys, in one place so the store and tests agree on them. */
export const cacheKeys = {
  track: (id: string) => `spotify:track:${id}`,
  album: (id: string) => `spotify:album:${id}`,
  playlistSnapshot: (id: string) => `spotify:playlist-snapshot:${id}`,
  playlist: (id: string, snapshotId: string) => `spotify:playlist:${id}@${snapshotId}`,
  artistAlbums: (id: string) => `spotify:artist-albums:${id}`,
  /** Tracks answering a search `q`, in Spotify's order. */
  search: (q: string) => `spotify:search:track:${q}`,
  /** The track a plain-text query resolved to (lower-cased text). */
  textQuery: (text: string) => `spotify:text-query:${text}`,
};

/**
 * The cache as `overwrite: metadata` needs it: tracks, albums and playlist contents (which hold whole tracks) are
 * read from Spotify again and stored anew. Those entries never expire, and the point of the mode is to re-tag with
 * Spotify's current names (an album renamed under the same id). Snapshot ids and artist pages keep their expiry.
 */
export function withFreshTracksAndAlbums(cache: SpotifyCache): SpotifyCache {
  const fresh = [cacheKeys.track(""), cacheKeys.album(""), cacheKeys.playlist("", "").replace(/@$/, "")];
  return {
    get: (key) => (fresh.some((prefix) => key.startsWith(prefix)) ? undefined : cache.get(key)),
    set: (key, value, ttlS) => cache.set(key, value, ttlS),
  };
}
