/** Reads and writes ISO-BMFF (MP4) boxes: enough to swap the iTunes metadata in `moov/udta/meta`. Pure. */

export interface Box {
  readonly type: string;
  /** Offset of the box header in the buffer it was read from. */
  readonly start: number;
  /** Offset of the first byte after the header (and after the 4 version/flags bytes for full boxes). */
  readonly bodyStart: number;
  readonly end: number;
}

const textEncoder = new TextEncoder();

/** Boxes directly inside `[start, end)`. */
export function readBoxes(bytes: Uint8Array, start = 0, end = bytes.length): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  for (let offset = start; offset + 8 <= end; ) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset; // "extends to the end of the file"
    }
    if (size < header || offset + size > end) throw new Error(`broken MP4 box "${type}" at byte ${offset}`);
    boxes.push({ type, start: offset, bodyStart: offset + header, end: offset + size });
    offset += size;
  }
  return boxes;
}

export function box(type: string, ...children: readonly Uint8Array[]): Uint8Array {
  const size = 8 + children.reduce((sum, child) => sum + child.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  // Box types are four bytes in Mac Roman/Latin-1: "©nam" starts with byte 0xA9, not UTF-8's C2 A9.
  out.set(
    Uint8Array.from(type, (char) => char.charCodeAt(0)),
    4,
  );
  let offset = 8;
  for (const child of children) {
    out.set(child, offset);
    offset += child.length;
  }
  return out;
}

/** A full box: the body starts with a version byte and 24 bits of flags. */
export function fullBox(type: string, version: number, flags: number, ...children: readonly Uint8Array[]): Uint8Array {
  return box(type, uint32((version << 24) | flags), ...children);
}

export function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

export function utf8(text: string): Uint8Array {
  return textEncoder.encode(text);
}

/**
 * Returns a copy of the file whose `moov` holds `newMeta` as `moov/udta/meta` (any old one removed). When `moov`
 * comes before `mdat`, the audio moves by the size change, so every chunk offset (stco/co64) moves with it.
 */
export function replaceMoovMeta(file: Uint8Array, newMeta: Uint8Array): Uint8Array {
  const top = readBoxes(file);
  const moov = top.find((b) => b.type === "moov");
  if (!moov) throw new Error("no moov box: not an MP4/M4A file");
  const children = readBoxes(file, moov.bodyStart, moov.end);
  const udta = children.find((b) => b.type === "udta");
  const keptUdta = udta ? readBoxes(file, udta.bodyStart, udta.end).filter((b) => b.type !== "meta") : [];
  const newUdta = box("udta", ...keptUdta.map((b) => file.subarray(b.start, b.end)), newMeta);
  const newMoov = box(
    "moov",
    ...children.filter((b) => b.type !== "udta").map((b) => file.subarray(b.start, b.end)),
    newUdta,
  );
  const delta = newMoov.length - (moov.end - moov.start);
  const mediaFollows = top.some((b) => b.start > moov.start && b.type === "mdat");
  if (mediaFollows && delta !== 0) shiftChunkOffsets(newMoov, delta);
  const out = new Uint8Array(file.length + delta);
  out.set(file.subarray(0, moov.start), 0);
  out.set(newMoov, moov.start);
  out.set(file.subarray(moov.end), moov.start + newMoov.length);
  return out;
}

const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl"]);

function shiftChunkOffsets(moov: Uint8Array, delta: number): void {
  const view = new DataView(moov.buffer, moov.byteOffset, moov.byteLength);
  const visit = (start: number, end: number): void => {
    for (const child of readBoxes(moov, start, end)) {
      if (CONTAINERS.has(child.type)) visit(child.bodyStart, child.end);
      if (child.type !== "stco" && child.type !== "co64") continue;
      const count = view.getUint32(child.bodyStart + 4);
      for (let i = 0; i < count; i++) {
        if (child.type === "stco") {
          const at = child.bodyStart + 8 + i * 4;
          view.setUint32(at, view.getUint32(at) + delta);
        } else {
          const at = child.bodyStart + 8 + i * 8;
          view.setBigUint64(at, view.getBigUint64(at) + BigInt(delta));
        }
      }
    }
  };
  const root = readBoxes(moov)[0];
  if (root) visit(root.bodyStart, root.end);
}
