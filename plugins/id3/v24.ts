/**
 * Turns the ID3v2.3 tag node-id3 writes into ID3v2.4, in place. node-id3 0.2.9 only writes v2.3, whose "/"
 * artist separator splits names like AC/DC in readers; v2.4 has real multi-value frames (null-separated) and a full
 * TDRC date. The frame bodies node-id3 builds (UTF-16 text, APIC, COMM, TXXX, W***) are the same in both versions;
 * only the tag version byte and the frame size encoding differ (v2.4 frame sizes are syncsafe).
 */

/** Rewrites the tag that starts at `bytes[0]`; returns the same array. */
export function upgradeTagToV24(bytes: Uint8Array): Uint8Array {
  const isV23 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33 && bytes[3] === 3;
  if (!isV23) throw new Error("expected an ID3v2.3 tag at the start");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tagEnd = 10 + readSyncsafe(view, 6);
  for (let offset = 10; offset + 10 <= tagEnd && bytes[offset] !== 0; ) {
    const size = view.getUint32(offset + 4, false);
    if (size >= 2 ** 28) throw new Error("an ID3 frame is too large for ID3v2.4");
    writeSyncsafe(view, offset + 4, size);
    offset += 10 + size;
  }
  bytes[3] = 4;
  return bytes;
}

function readSyncsafe(view: DataView, offset: number): number {
  let value = 0;
  for (let i = 0; i < 4; i++) value = (value << 7) | (view.getUint8(offset + i) & 0x7f);
  return value;
}

function writeSyncsafe(view: DataView, offset: number, value: number): void {
  for (let i = 3; i >= 0; i--) {
    view.setUint8(offset + i, value & 0x7f);
    value >>>= 7;
  }
}
