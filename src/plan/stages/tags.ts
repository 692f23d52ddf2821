/** Builds the TagSet a tagger writes from Spotify metadata, the cover and where the audio came from. */
import type { TagSet, TrackMeta } from "../../plugins/api.ts";

export function buildTagSet(track: TrackMeta, cover: TagSet["cover"], sourceUrl: string | undefined): TagSet {
  const album = track.album;
  return {
    title: track.title,
    artists: track.artists,
    album: album.name,
    albumArtists: album.artists.length ? album.artists : track.artists.slice(0, 1),
    trackNumber: track.trackNumber,
    trackTotal: album.totalTracks,
    discNumber: track.discNumber,
    discTotal: album.totalDiscs ?? Math.max(1, track.discNumber),
    date: album.releaseDate,
    ...(track.isrc ? { isrc: track.isrc } : {}),
    spotifyId: track.spotifyId,
    spotifyUrl: track.spotifyUrl,
    explicit: track.explicit,
    ...(sourceUrl ? { comment: sourceUrl } : {}),
    ...(cover ? { cover } : {}),
  };
}

/** A short fingerprint of the tags, stored in the library index to notice when they need rewriting. */
export function hashTagSet(tags: TagSet): string {
  const { cover, ...rest } = tags;
  const hasher = new Bun.CryptoHasher("sha1");
  hasher.update(JSON.stringify(rest));
  if (cover) hasher.update(cover.data);
  return hasher.digest("hex").slice(0, 16);
}
