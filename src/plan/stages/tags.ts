/** Builds the TagSet a tagger writes from the source's metadata, the cover and where the audio came from. */
import type { TagSet, TrackMeta } from "../../plugins/api.ts";

/** How artists are joined into Picard's single `artist` display string (Spotify's own way of listing them). */
export const ARTIST_SEPARATOR = ", ";

/** Picard's `media` for anything bought or streamed as a file. */
const DIGITAL_MEDIA = "Digital Media";

/**
 * The disc count and the tracks on this track's disc, only where they cannot be wrong (Picard's `totaldiscs` and
 * `totaltracks`, which counts the tracks of one disc). Spotify's `total_tracks` spans every disc, so it is this
 * disc's count only when the album is known to have one disc, or when this track is disc 1's track `total_tracks`
 * (then no track is left for another disc).
 */
export function knownTotals(track: TrackMeta): { trackTotal?: number; discTotal?: number } {
  const { album, discNumber, trackNumber } = track;
  let discTotal = album.totalDiscs;
  let trackTotal = album.tracksPerDisc?.[discNumber - 1];
  if (discTotal === undefined && discNumber === 1 && trackNumber === album.totalTracks) discTotal = 1;
  if (trackTotal === undefined && discTotal === 1) trackTotal = album.totalTracks;
  return {
    ...(trackTotal !== undefined && trackTotal >= trackNumber && trackTotal > 0 ? { trackTotal } : {}),
    ...(discTotal !== undefined && discTotal >= discNumber ? { discTotal } : {}),
  };
}

export function buildTagSet(track: TrackMeta, cover: TagSet["cover"], sourceUrl: string | undefined): TagSet {
  const album = track.album;
  const albumArtists = album.artists.length ? album.artists : track.artists.slice(0, 1);
  return {
    title: track.title,
    artist: track.artists.join(ARTIST_SEPARATOR),
    artists: track.artists,
    album: album.name,
    albumArtist: albumArtists.join(ARTIST_SEPARATOR),
    albumArtists,
    trackNumber: track.trackNumber,
    discNumber: track.discNumber,
    ...knownTotals(track),
    date: album.releaseDate,
    ...(track.isrc ? { isrc: track.isrc } : {}),
    compilation: album.type === "compilation",
    media: DIGITAL_MEDIA,
    ...(track.url ? { sourceUrl: track.url } : {}),
    extra: extraTags(track.tags),
    explicit: track.explicit,
    ...(sourceUrl ? { comment: sourceUrl } : {}),
    ...(cover ? { cover } : {}),
  };
}

/**
 * The source's extra tags a tagger can write as they are: a key every format accepts as a tag name (Vorbis forbids
 * `=`, lower case would read differently in ID3 and MP4) and a value that says something.
 */
function extraTags(tags: TrackMeta["tags"]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags ?? {}).filter(([key, value]) => EXTRA_TAG_KEY.test(key) && typeof value === "string" && value),
  );
}

const EXTRA_TAG_KEY = /^[A-Z][A-Z0-9_]*$/u;

/** A short fingerprint of the tags, stored in the library index to notice when they need rewriting. */
export function hashTagSet(tags: TagSet): string {
  const { cover, ...rest } = tags;
  const hasher = new Bun.CryptoHasher("sha1");
  hasher.update(JSON.stringify(rest));
  if (cover) hasher.update(cover.data);
  return hasher.digest("hex").slice(0, 16);
}
