/** Rewrites a wav file's metadata chunks: CSET + LIST/INFO before the audio, an `id3 ` chunk after it. Pure. */

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

function infoList(fields: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const items = Object.entries(fields).map(([id, value]) => chunk(id, encoder.encode(`${value}\u0000`)));
  return chunk("LIST", Buffer.concat([encoder.encode("INFO"), ...items]));
}

/** RIFF CSET with code page 65001 tells readers the INFO strings are UTF-8 rather than Latin-1. */
function utf8Cset(): Uint8Array {
  const body = new Uint8Array(8);
  new DataView(body.buffer).setUint16(0, 65001, true);
  return chunk("CSET", body);
}

/** Old INFO, CSET and ID3 chunks go; new ones are placed where Picard and foobar2000 put them. */
export function rewriteWavTags(bytes: Uint8Array, info: Record<string, string>, id3: Uint8Array): Uint8Array {
  if (!isWav(bytes)) throw new Error("not a RIFF/WAVE file");
  const kept = readChunks(bytes).filter((c) => !SKIPPED.has(c.id) && !isInfoList(c));
  const dataIndex = kept.findIndex((c) => c.id === "data");
  if (dataIndex < 0) throw new Error("the wav file has no data chunk");
  const body = Buffer.concat([
    new TextEncoder().encode("WAVE"),
    ...kept.slice(0, dataIndex).map((c) => c.bytes),
    utf8Cset(),
    infoList(info),
    ...kept.slice(dataIndex).map((c) => c.bytes),
    chunk("id3 ", id3),
  ]);
  return chunk("RIFF", body);
}
