/** Vorbis comments and FLAC picture blocks for a TagSet, as bytes (https://xiph.org/vorbis/doc/v-comment.html). Pure. */
import type { TagSet } from "musicdl/plugin";

const encoder = new TextEncoder();

/**
 * Picard's Vorbis comment names: ARTIST holds the display string and ARTISTS repeats once per artist (likewise
 * ALBUMARTIST/ALBUMARTISTS); totals go in both spellings Picard writes, and only when known.
 */
export function buildComments(tags: TagSet): string[] {
  return [
    `TITLE=${tags.title}`,
    `ARTIST=${tags.artist}`,
    ...tags.artists.map((artist) => `ARTISTS=${artist}`),
    `ALBUM=${tags.album}`,
    `ALBUMARTIST=${tags.albumArtist}`,
    ...tags.albumArtists.map((artist) => `ALBUMARTISTS=${artist}`),
    `TRACKNUMBER=${tags.trackNumber}`,
    ...(tags.trackTotal === undefined ? [] : [`TRACKTOTAL=${tags.trackTotal}`, `TOTALTRACKS=${tags.trackTotal}`]),
    `DISCNUMBER=${tags.discNumber}`,
    ...(tags.discTotal === undefined ? [] : [`DISCTOTAL=${tags.discTotal}`, `TOTALDISCS=${tags.discTotal}`]),
    ...(tags.date ? [`DATE=${tags.date}`] : []),
    ...(tags.isrc ? [`ISRC=${tags.isrc}`] : []),
    ...(tags.compilation ? ["COMPILATION=1"] : []),
    `MEDIA=${tags.media}`,
    ...Object.entries(tags.extra).map(([key, value]) => `${key}=${value}`),
    // iTunes' advisory values (1 explicit, 0 none), the name Picard and mutagen use in Vorbis comments.
    `ITUNESADVISORY=${tags.explicit ? 1 : 0}`,
    ...(tags.comment ? [`COMMENT=${tags.comment}`] : []),
    // Picard's `lyrics` field; the words only (synced lyrics go to the .lrc file beside the audio).
    ...(tags.lyrics ? [`LYRICS=${tags.lyrics.plain}`] : []),
  ];
}

/** vendor length, vendor, count, then length-prefixed UTF-8 comments; all lengths 32-bit little-endian. */
export function encodeCommentBody(vendor: string, comments: readonly string[]): Uint8Array {
  const parts = [encoder.encode(vendor), ...comments.map((comment) => encoder.encode(comment))];
  const out = new Uint8Array(8 + parts.reduce((sum, part) => sum + 4 + part.length, 0) - 4);
  const view = new DataView(out.buffer);
  let offset = 0;
  parts.forEach((part, index) => {
    view.setUint32(offset, part.length, true);
    out.set(part, offset + 4);
    offset += 4 + part.length;
    if (index === 0) {
      view.setUint32(offset, comments.length, true);
      offset += 4;
    }
  });
  return out;
}

/** The vendor string of an existing comment body, so re-tagging keeps the encoder's name. */
export function readVendor(body: Uint8Array): string | null {
  if (body.length < 4) return null;
  const length = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0, true);
  return length + 4 <= body.length ? new TextDecoder().decode(body.subarray(4, 4 + length)) : null;
}

/** A FLAC PICTURE block body (front cover); Ogg files carry it base64-encoded as METADATA_BLOCK_PICTURE. */
export function encodePictureBlock(cover: NonNullable<TagSet["cover"]>): Uint8Array {
  const mime = encoder.encode(cover.mime);
  const { width, height } = imageSize(cover.data);
  const out = new Uint8Array(32 + mime.length + cover.data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 3); // picture type 3: front cover
  view.setUint32(4, mime.length);
  out.set(mime, 8);
  let offset = 8 + mime.length;
  for (const value of [0 /* description length */, width, height, 24 /* depth */, 0 /* palette colours */]) {
    view.setUint32(offset, value);
    offset += 4;
  }
  view.setUint32(offset, cover.data.length);
  out.set(cover.data, offset + 4);
  return out;
}

/** Width and height from a PNG IHDR or a JPEG SOF marker; 0×0 when unreadable (readers accept it). */
export function imageSize(data: Uint8Array): { width: number; height: number } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length >= 24 && data[0] === 0x89 && data[1] === 0x50)
    return { width: view.getUint32(16), height: view.getUint32(20) };
  for (let offset = 2; offset + 9 < data.length && data[offset] === 0xff; ) {
    const marker = data[offset + 1] ?? 0;
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    offset += 2 + view.getUint16(offset + 2);
  }
  return { width: 0, height: 0 };
}
