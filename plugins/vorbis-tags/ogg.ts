/**
 * Replaces the comment header packet of an Ogg Opus or Ogg Vorbis file (RFC 7845 §5.2; Vorbis I spec §4.2.1).
 * ffmpeg cannot write repeated keys (ARTIST twice) nor attach a cover to Ogg, so the header pages are rebuilt
 * here: the new packets are paged out, later pages get new sequence numbers and CRCs, audio bytes stay as they are.
 */
import type { TagSet } from "musicdl/plugin";
import { buildComments, encodeCommentBody, encodePictureBlock, readVendor } from "./comments.ts";

interface Page {
  readonly headerType: number;
  readonly serial: number;
  readonly sequence: number;
  readonly lacing: Uint8Array;
  readonly body: Uint8Array;
  readonly bytes: Uint8Array;
}

const OPUS_TAGS = new TextEncoder().encode("OpusTags");
const VORBIS_COMMENT = Uint8Array.of(3, ...new TextEncoder().encode("vorbis"));

export function isOgg(bytes: Uint8Array): boolean {
  return bytes[0] === 0x4f && bytes[1] === 0x67 && bytes[2] === 0x67 && bytes[3] === 0x53; // "OggS"
}

function readPages(bytes: Uint8Array): Page[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages: Page[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    if (!isOgg(bytes.subarray(offset)) || offset + 27 > bytes.length)
      throw new Error(`broken Ogg page at byte ${offset}`);
    const segments = bytes[offset + 26] ?? 0;
    const lacing = bytes.subarray(offset + 27, offset + 27 + segments);
    const bodyLength = lacing.reduce((sum, value) => sum + value, 0);
    const end = offset + 27 + segments + bodyLength;
    pages.push({
      headerType: bytes[offset + 5] ?? 0,
      serial: view.getUint32(offset + 14, true),
      sequence: view.getUint32(offset + 18, true),
      lacing,
      body: bytes.subarray(offset + 27 + segments, end),
      bytes: bytes.subarray(offset, end),
    });
    offset = end;
  }
  return pages;
}

/** The first `count` packets, and the index of the first page after them (audio starts on a fresh page). */
function readHeaderPackets(pages: readonly Page[], count: number): { packets: Uint8Array[]; nextPage: number } {
  const packets: Uint8Array[] = [];
  let current: Uint8Array[] = [];
  for (const [index, page] of pages.entries()) {
    let offset = 0;
    for (const [segment, value] of page.lacing.entries()) {
      current.push(page.body.subarray(offset, offset + value));
      offset += value;
      if (value === 255) continue;
      packets.push(Buffer.concat(current));
      current = [];
      if (packets.length === count) {
        if (segment !== page.lacing.length - 1) throw new Error("Ogg audio shares a page with the headers");
        return { packets, nextPage: index + 1 };
      }
    }
  }
  throw new Error("the Ogg headers are incomplete");
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

export function retagOgg(bytes: Uint8Array, tags: TagSet): Uint8Array {
  const pages = readPages(bytes);
  const first = pages[0];
  if (!first) throw new Error("empty Ogg file");
  if (pages.some((page) => page.serial !== first.serial))
    throw new Error("Ogg files with several streams are not supported");
  const isOpus = startsWith(first.body, new TextEncoder().encode("OpusHead"));
  const { packets, nextPage } = readHeaderPackets(pages, isOpus ? 2 : 3);
  const prefix = isOpus ? OPUS_TAGS : VORBIS_COMMENT;
  const oldComment = packets[1] ?? new Uint8Array();
  if (!startsWith(oldComment, prefix)) throw new Error("the second Ogg packet is not a comment header");

  const vendor = readVendor(oldComment.subarray(prefix.length)) ?? "musicdl";
  const comments = buildComments(tags);
  if (tags.cover)
    comments.push(`METADATA_BLOCK_PICTURE=${Buffer.from(encodePictureBlock(tags.cover)).toString("base64")}`);
  const body = encodeCommentBody(vendor, comments);
  // Vorbis ends its comment header with a framing bit; Opus has none.
  const comment = isOpus ? Buffer.concat([prefix, body]) : Buffer.concat([prefix, body, Uint8Array.of(1)]);

  const headerPages = paginate([comment, ...packets.slice(2)], first.serial, 1);
  const shift = 1 + headerPages.length - nextPage;
  const rest = pages.slice(nextPage).map((page) => (shift === 0 ? page.bytes : renumber(page, page.sequence + shift)));
  return Buffer.concat([first.bytes, ...headerPages, ...rest]);
}

/** Packets laid out over as many pages as needed (255 lacing values per page), granule position 0 for headers. */
function paginate(packets: readonly Uint8Array[], serial: number, firstSequence: number): Uint8Array[] {
  const segments: { data: Uint8Array; continues: boolean }[] = [];
  for (const packet of packets) {
    for (let offset = 0; ; offset += 255) {
      const data = packet.subarray(offset, offset + 255);
      segments.push({ data, continues: data.length === 255 });
      if (data.length < 255) break;
    }
  }
  const pages: Uint8Array[] = [];
  for (let index = 0; index < segments.length; index += 255) {
    const chunk = segments.slice(index, index + 255);
    const continued = index > 0 && (segments[index - 1]?.continues ?? false);
    const lacing = Uint8Array.from(chunk, (segment) => segment.data.length);
    pages.push(
      buildPage(
        continued ? 1 : 0,
        serial,
        firstSequence + pages.length,
        lacing,
        Buffer.concat(chunk.map((s) => s.data)),
      ),
    );
  }
  return pages;
}

function buildPage(
  headerType: number,
  serial: number,
  sequence: number,
  lacing: Uint8Array,
  body: Uint8Array,
): Uint8Array {
  const page = new Uint8Array(27 + lacing.length + body.length);
  const view = new DataView(page.buffer);
  page.set([0x4f, 0x67, 0x67, 0x53, 0, headerType], 0); // "OggS", version 0; granule (bytes 6–13) stays 0
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  page[26] = lacing.length;
  page.set(lacing, 27);
  page.set(body, 27 + lacing.length);
  view.setUint32(22, oggCrc(page), true);
  return page;
}

function renumber(page: Page, sequence: number): Uint8Array {
  const copy = new Uint8Array(page.bytes); // a real copy: Buffer#slice would be a view into the input
  const view = new DataView(copy.buffer);
  view.setUint32(18, sequence, true);
  view.setUint32(22, 0, true);
  view.setUint32(22, oggCrc(copy), true);
  return copy;
}

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0, computed with the CRC field zeroed. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, index) => {
  let crc = index << 24;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  return crc >>> 0;
});

function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}
