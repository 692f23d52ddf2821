/** The hand-written ID3v2.4 encoder: UTF-8 text frames, NUL-separated values, syncsafe sizes, old tags replaced. */
import { describe, expect, test } from "bun:test";
import { encodeId3v24, withoutLeadingId3v2 } from "../../plugins/id3/id3v24.ts";

/** Frame id → body, read back with the v2.4 layout (syncsafe frame sizes). */
function framesOf(tag: Uint8Array): Map<string, Uint8Array> {
  const syncsafe = (at: number) => tag.subarray(at, at + 4).reduce((value, byte) => (value << 7) | byte, 0);
  const frames = new Map<string, Uint8Array>();
  for (let offset = 10; offset < 10 + syncsafe(6); ) {
    const id = new TextDecoder().decode(tag.subarray(offset, offset + 4));
    const size = syncsafe(offset + 4);
    frames.set(id, tag.subarray(offset + 10, offset + 10 + size));
    offset += 10 + size;
  }
  return frames;
}

describe("encodeId3v24", () => {
  test("writes version 2.4 with UTF-8 text and NUL between values, no trailing terminator", () => {
    const tag = encodeId3v24([
      { kind: "text", id: "TPE1", values: ["Zoë & the Ångström Señores"] },
      { kind: "user-text", description: "ARTISTS", values: ["Harbor Lights", "坂本 美雨"] },
    ]);
    expect([...tag.subarray(0, 5)]).toEqual([0x49, 0x44, 0x33, 4, 0]);
    const frames = framesOf(tag);
    expect(frames.get("TPE1")![0]).toBe(3);
    expect(new TextDecoder().decode(frames.get("TPE1")!.subarray(1))).toBe("Zoë & the Ångström Señores");
    expect(new TextDecoder().decode(frames.get("TXXX")!.subarray(1))).toBe("ARTISTS\u0000Harbor Lights\u0000坂本 美雨");
  });

  test("sizes above 127 bytes are syncsafe: no size byte has its high bit set", () => {
    const tag = encodeId3v24([{ kind: "text", id: "TIT2", values: ["x".repeat(300)] }]);
    for (const byte of [...tag.subarray(6, 10), ...tag.subarray(14, 18)]) expect(byte & 0x80).toBe(0);
    expect(new TextDecoder().decode(framesOf(tag).get("TIT2")!.subarray(1))).toBe("x".repeat(300));
  });

  test("pictures and comments carry UTF-8 descriptions; links stay ISO-8859-1", () => {
    const tag = encodeId3v24([
      { kind: "picture", mime: "image/png", pictureType: 3, description: "Cover", data: Uint8Array.of(1, 2) },
      { kind: "comment", language: "eng", description: "", text: "é" },
      { kind: "url", id: "WOAS", url: "https://open.spotify.com/track/x" },
    ]);
    const frames = framesOf(tag);
    expect([...frames.get("APIC")!]).toEqual([
      3,
      ...new TextEncoder().encode("image/png"),
      0,
      3,
      ...new TextEncoder().encode("Cover"),
      0,
      1,
      2,
    ]);
    expect([...frames.get("COMM")!]).toEqual([3, 0x65, 0x6e, 0x67, 0, 0xc3, 0xa9]);
    expect(new TextDecoder().decode(frames.get("WOAS"))).toBe("https://open.spotify.com/track/x");
  });
});

describe("withoutLeadingId3v2", () => {
  test("drops every tag in front of the audio, footers included, and keeps the audio", () => {
    const audio = Uint8Array.of(0xff, 0xfb, 0x90, 0x00);
    const old = encodeId3v24([{ kind: "text", id: "TIT2", values: ["old"] }]);
    const withFooter = Uint8Array.from([...old.subarray(0, 5), 0x10, ...old.subarray(6), ...new Uint8Array(10)]);
    expect([...withoutLeadingId3v2(Uint8Array.from([...old, ...withFooter, ...audio]))]).toEqual([...audio]);
    expect([...withoutLeadingId3v2(audio)]).toEqual([...audio]);
  });
});
