/**
 * Rewrites a wav file's metadata: one `id3 ` chunk after the audio holds every tag, and no LIST/INFO chunk is
 * written. ffmpeg (so ffprobe, and mpd, which reads wav tags through it) discards the ID3 chunk whenever INFO holds
 * any field ("Discarding ID3 tags because more suitable tags were found"), and INFO has no album artist, disc or
 * ISRC; with the ID3 chunk alone, ffprobe, mpd, mutagen, beets and TagLib all read every field. Pure.
 */

/** Chunks an earlier tagging (ours, ffmpeg's or another tool's) left, replaced by the new ID3 chunk. */
const SKIPPED = new Set(["id3 ", "ID3 ", "CSET"]);

interface Chunk {
  readonly id: string;
  /** The whole chunk: header, body and pad byte. */
  readonly bytes: Uint8Array;
}

function ascii(bytes: Uint8Array, start: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + 4));
}

function chunk(id: string, body: Uint8Array): Uint8Array {
  const padded = new Uint8Array(8 + body.length + (body.length % 2)); // RIFF chunks are word-aligned
  padded.set(new TextEncoder().encode(id), 0);
  new DataView(padded.buffer).setUint32(4, body.length, true);
  padded.set(body, 8);
  return padded;
}

export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0) === "RIFF" && ascii(bytes, 8) === "WAVE";
}

function readChunks(bytes: Uint8Array): Chunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    // A data chunk written by a stream may claim more than the file holds; keep what is there.
    const end = Math.min(bytes.length, offset + 8 + size + (size % 2));
    chunks.push({ id, bytes: bytes.subarray(offset, end) });
    offset = end;
  }
  return chunks;
}

function isInfoList(chunk: Chunk): boolean {
  return chunk.id === "LIST" && chunk.bytes.length >= 12 && ascii(chunk.bytes, 8) === "INFO";
}

/** Old INFO, CSET and ID3 chunks go (ffmpeg writes an INFO with its name); the new ID3 chunk follows the audio. */
export function rewriteWavTags(bytes: Uint8Array, id3: Uint8Array): Uint8Array {
  if (!isWav(bytes)) throw new Error("not a RIFF/WAVE file");
  const kept = readChunks(bytes).filter((c) => !SKIPPED.has(c.id) && !isInfoList(c));
  if (!kept.some((c) => c.id === "data")) throw new Error("the wav file has no data chunk");
  const body = Buffer.concat([new TextEncoder().encode("WAVE"), ...kept.map((c) => c.bytes), chunk("id3 ", id3)]);
  return chunk("RIFF", body);
}
