/** Replaces a FLAC file's VORBIS_COMMENT and PICTURE metadata blocks (https://xiph.org/flac/format.html). Pure. */
import type { TagSet } from "musicdl/plugin";
import { buildComments, encodeCommentBody, encodePictureBlock, readVendor } from "./comments.ts";

const BLOCK = { padding: 1, vorbisComment: 4, picture: 6 } as const;

interface Block {
  readonly type: number;
  readonly body: Uint8Array;
}

export function isFlac(bytes: Uint8Array): boolean {
  return bytes[0] === 0x66 && bytes[1] === 0x4c && bytes[2] === 0x61 && bytes[3] === 0x43; // "fLaC"
}

export function retagFlac(bytes: Uint8Array, tags: TagSet): Uint8Array {
  if (!isFlac(bytes)) throw new Error("not a FLAC file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks: Block[] = [];
  let offset = 4;
  for (let last = false; !last; ) {
    if (offset + 4 > bytes.length) throw new Error("FLAC metadata ends early");
    const header = view.getUint32(offset);
    last = (header & 0x80000000) !== 0;
    const length = header & 0xffffff;
    blocks.push({ type: (header >>> 24) & 0x7f, body: bytes.subarray(offset + 4, offset + 4 + length) });
    offset += 4 + length;
  }
  const oldComment = blocks.find((block) => block.type === BLOCK.vorbisComment);
  const vendor = (oldComment && readVendor(oldComment.body)) || "musicdl";
  // STREAMINFO stays first as the format requires; seek tables and the like are kept, old tags and padding go.
  const kept = blocks.filter((block) => !(Object.values(BLOCK) as number[]).includes(block.type));
  const next: Block[] = [
    ...kept,
    { type: BLOCK.vorbisComment, body: encodeCommentBody(vendor, buildComments(tags)) },
    ...(tags.cover ? [{ type: BLOCK.picture, body: encodePictureBlock(tags.cover) }] : []),
  ];
  const audio = bytes.subarray(offset);
  const out = new Uint8Array(4 + next.reduce((sum, block) => sum + 4 + block.body.length, 0) + audio.length);
  const outView = new DataView(out.buffer);
  out.set(bytes.subarray(0, 4), 0);
  let at = 4;
  next.forEach((block, index) => {
    if (block.body.length >= 2 ** 24) throw new Error("a FLAC metadata block is larger than 16 MB (cover too big?)");
    const lastFlag = index === next.length - 1 ? 0x80000000 : 0;
    outView.setUint32(at, (lastFlag | (block.type << 24) | block.body.length) >>> 0);
    out.set(block.body, at + 4);
    at += 4 + block.body.length;
  });
  out.set(audio, at);
  return out;
}
