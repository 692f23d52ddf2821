/**
 * Encodes an ID3v2.4 tag (https://id3.org/id3v2.4.0-structure, id3v2.4.0-frames): every text in UTF-8 (encoding
 * 3) and several values of one frame separated by a null character, as v2.4 defines. UTF-16 with one BOM for
 * several values is what libid3tag (mpd) misreads after the first value, so it is never written. Pure.
 */

export type Id3Frame =
  /** T??? text frames: TIT2, TPE1, TRCK… */
  | { readonly kind: "text"; readonly id: string; readonly values: readonly string[] }
  /** TXXX, Picard's form for fields ID3 has no frame for (ARTISTS, ALBUMARTISTS…). */
  | { readonly kind: "user-text"; readonly description: string; readonly values: readonly string[] }
  /** W??? link frames; the URL is ISO-8859-1 by definition. */
  | { readonly kind: "url"; readonly id: string; readonly url: string }
  | { readonly kind: "comment"; readonly language: string; readonly description: string; readonly text: string }
  /** USLT: unsynchronised lyrics, the whole text in one frame. */
  | { readonly kind: "lyrics"; readonly language: string; readonly description: string; readonly text: string }
  /** SYLT: synchronised lyrics, each line with its time in milliseconds (time stamp format 2). */
  | {
      readonly kind: "synced-lyrics";
      readonly language: string;
      readonly description: string;
      readonly lines: readonly { readonly timeMs: number; readonly text: string }[];
    }
  | {
      readonly kind: "picture";
      readonly mime: string;
      /** 3: front cover. */
      readonly pictureType: number;
      readonly description: string;
      readonly data: Uint8Array;
    };

const UTF8 = 3;
const NUL = Uint8Array.of(0);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** ISO-8859-1 bytes; characters outside it cannot occur in the URLs and MIME types written here, and become "?". */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? code : 0x3f;
  });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A 32-bit big-endian number (SYLT time stamps are plain, not syncsafe). */
function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, Math.max(0, Math.min(0xffffffff, Math.round(value))));
  return out;
}

/** 28 bits in four bytes of seven, so no byte looks like an MPEG frame sync. */
function syncsafe(value: number): Uint8Array {
  if (value >= 2 ** 28) throw new Error("an ID3 frame or tag is larger than 256 MB (cover too big?)");
  return Uint8Array.of((value >>> 21) & 0x7f, (value >>> 14) & 0x7f, (value >>> 7) & 0x7f, value & 0x7f);
}

function readSyncsafe(bytes: Uint8Array, offset: number): number {
  let value = 0;
  for (let i = 0; i < 4; i++) value = (value << 7) | ((bytes[offset + i] ?? 0) & 0x7f);
  return value;
}

/** Values joined by NUL, without a trailing terminator (v2.4 §4.2: the terminator separates values). */
const joined = (values: readonly string[]) => utf8(values.join("\u0000"));

function frameBody(frame: Id3Frame): Uint8Array {
  switch (frame.kind) {
    case "text":
      return concat([Uint8Array.of(UTF8), joined(frame.values)]);
    case "user-text":
      return concat([Uint8Array.of(UTF8), utf8(frame.description), NUL, joined(frame.values)]);
    case "url":
      return latin1(frame.url);
    case "synced-lyrics":
      return concat([
        Uint8Array.of(UTF8),
        latin1(frame.language.slice(0, 3)),
        Uint8Array.of(2 /* absolute time in milliseconds */, 1 /* content: lyrics */),
        utf8(frame.description),
        NUL,
        ...frame.lines.flatMap((line) => [utf8(line.text), NUL, uint32(line.timeMs)]),
      ]);
    case "comment":
    case "lyrics":
      return concat([
        Uint8Array.of(UTF8),
        latin1(frame.language.slice(0, 3)),
        utf8(frame.description),
        NUL,
        utf8(frame.text),
      ]);
    case "picture":
      return concat([
        Uint8Array.of(UTF8),
        latin1(frame.mime),
        NUL,
        Uint8Array.of(frame.pictureType),
        utf8(frame.description),
        NUL,
        frame.data,
      ]);
  }
}

function frameId(frame: Id3Frame): string {
  if (frame.kind === "user-text") return "TXXX";
  if (frame.kind === "comment") return "COMM";
  if (frame.kind === "lyrics") return "USLT";
  if (frame.kind === "synced-lyrics") return "SYLT";
  if (frame.kind === "picture") return "APIC";
  return frame.id;
}

/** The whole tag: a 10-byte header (version 2.4.0, no flags, syncsafe size) and the frames. */
export function encodeId3v24(frames: readonly Id3Frame[]): Uint8Array {
  const encoded = frames.map((frame) => {
    const body = frameBody(frame);
    return concat([latin1(frameId(frame)), syncsafe(body.length), Uint8Array.of(0, 0), body]);
  });
  const body = concat(encoded);
  return concat([Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0), syncsafe(body.length), body]);
}

/** The bytes after every ID3v2 tag at the start (ffmpeg's or an earlier run's), so the new tag replaces them. */
export function withoutLeadingId3v2(bytes: Uint8Array): Uint8Array {
  let offset = 0;
  while (
    bytes[offset] === 0x49 &&
    bytes[offset + 1] === 0x44 &&
    bytes[offset + 2] === 0x33 &&
    offset + 10 <= bytes.length
  ) {
    const hasFooter = ((bytes[offset + 5] ?? 0) & 0x10) !== 0;
    offset += 10 + readSyncsafe(bytes, offset + 6) + (hasFooter ? 10 : 0);
  }
  return bytes.subarray(Math.min(offset, bytes.length));
}
