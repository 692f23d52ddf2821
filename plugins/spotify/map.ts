/** Spotify objects → musicdl's TrackMeta (plain JSON, every artist in Spotify's order). */
import type { AlbumMeta, TrackMeta } from "musicdl/plugin";
import type { SpotifyFullTrack, SpotifySimplifiedAlbum } from "./schemas.ts";
import { SPOTIFY_SOURCE, spotifyUrlOf } from "./url.ts";

export function toAlbumMeta(album: SpotifySimplifiedAlbum, totalDiscs?: number): AlbumMeta {
  return {
    id: album.id,
    name: album.name,
    type: album.album_type,
    artists: album.artists.map((artist) => artist.name),
    releaseDate: knownDate(album.release_date),
    releaseDatePrecision: album.release_date_precision,
    totalTracks: album.total_tracks,
    images: album.images.map((image) => ({ url: image.url, width: image.width, height: image.height })),
    ...(totalDiscs === undefined ? {} : { totalDiscs }),
  };
}

/**
 * Spotify's date, or "" for the `0000` (`0000-00-00`) it answers for some old albums: no date is better than the
 * year 0 every player would show, and `{year}` then renders empty instead of a `0000` folder.
 */
function knownDate(date: string): string {
  return /^0000(?:-00){0,2}$/u.test(date.trim()) ? "" : date;
}

/** Null when the track cannot be downloaded: no id, or an unavailable placeholder (empty title or artists). */
export function toTrackMeta(track: SpotifyFullTrack): TrackMeta | null {
  const artists = track.artists.map((artist) => artist.name).filter((name) => name !== "");
  if (!track.id || track.is_local || track.name === "" || artists.length === 0) return null;
  const isrc = track.external_ids.isrc;
  const url = spotifyUrlOf("track", track.id);
  return {
    source: SPOTIFY_SOURCE,
    id: track.id,
    title: track.name,
    artists,
    album: toAlbumMeta(track.album),
    discNumber: track.disc_number,
    trackNumber: track.track_number,
    durationMs: track.duration_ms,
    explicit: track.explicit,
    ...(isrc ? { isrc } : {}),
    url,
    tags: { SPOTIFY_ID: track.id, SPOTIFY_URL: url },
  };
}

/** Discs and tracks per disc of a listed album, from its tracks' disc numbers (unavailable tracks count too). */
export function discLayoutOf(discNumbers: readonly number[]): { totalDiscs: number; tracksPerDisc: number[] } {
  const totalDiscs = Math.max(1, ...discNumbers);
  const tracksPerDisc = Array.from({ length: totalDiscs }, (_, index) =>
    discNumbers.reduce((count, disc) => count + (disc === index + 1 ? 1 : 0), 0),
  );
  return { totalDiscs, tracksPerDisc };
}
