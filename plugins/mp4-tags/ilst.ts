/** Builds the iTunes-style `meta` box (hdlr + ilst) for a TagSet: the atoms Apple Music, foobar2000 and mutagen read. Pure. */
import type { TagSet } from "musicdl/plugin";
import { box, fullBox, uint32, utf8 } from "./boxes.ts";

/** `data` atom type codes from Apple's QuickTime File Format spec, "Well-known types". */
const DATA_TYPE = { binary: 0, utf8: 1, jpeg: 13, png: 14, signedInt: 21 } as const;

function data(type: number, payload: Uint8Array): Uint8Array {
  return box("data", uint32(type), uint32(0 /* locale */), payload);
}

function text(name: string, value: string): Uint8Array {
  return box(name, data(DATA_TYPE.utf8, utf8(value)));
}

/** `----` freeform atoms (mean + name + one data atom per value), the form Picard uses for ISRC and ARTISTS. */
function freeform(name: string, values: readonly string[]): Uint8Array {
  return box(
    "----",
    fullBox("mean", 0, 0, utf8("com.apple.iTunes")),
    fullBox("name", 0, 0, utf8(name)),
    ...values.map((value) => data(DATA_TYPE.utf8, utf8(value))),
  );
}

/** trkn is 8 bytes (0, number, total, 0); disk is 6 bytes (0, number, total). A total of 0 means "unknown". */
function numberPair(name: string, number: number, total: number | undefined, length: 6 | 8): Uint8Array {
  const payload = new Uint8Array(length);
  const view = new DataView(payload.buffer);
  view.setUint16(2, number);
  view.setUint16(4, total ?? 0);
  return box(name, data(DATA_TYPE.binary, payload));
}

export function buildMetaBox(tags: TagSet): Uint8Array {
  const items = [
    text("©nam", tags.title),
    // ©ART and aART hold the display string; each artist also goes in ARTISTS/ALBUMARTISTS, as Picard writes them.
    text("©ART", tags.artist),
    freeform("ARTISTS", tags.artists),
    text("©alb", tags.album),
    text("aART", tags.albumArtist),
    freeform("ALBUMARTISTS", tags.albumArtists),
    numberPair("trkn", tags.trackNumber, tags.trackTotal, 8),
    numberPair("disk", tags.discNumber, tags.discTotal, 6),
    ...(tags.date ? [text("©day", tags.date)] : []),
    // rtng (iTunes content advisory): 1 explicit, 0 none.
    box("rtng", data(DATA_TYPE.signedInt, Uint8Array.of(tags.explicit ? 1 : 0))),
    ...(tags.comment ? [text("©cmt", tags.comment)] : []),
    ...(tags.lyrics ? [text("©lyr", tags.lyrics.plain)] : []),
    ...(tags.isrc ? [freeform("ISRC", [tags.isrc])] : []),
    // cpil is a one-byte integer flag; Picard writes it only for compilations.
    ...(tags.compilation ? [box("cpil", data(DATA_TYPE.signedInt, Uint8Array.of(1)))] : []),
    freeform("MEDIA", [tags.media]),
    ...Object.entries(tags.extra).map(([key, value]) => freeform(key, [value])),
    ...(tags.cover
      ? [box("covr", data(tags.cover.mime === "image/png" ? DATA_TYPE.png : DATA_TYPE.jpeg, tags.cover.data))]
      : []),
  ];
  // hdlr "mdir"/"appl" marks the meta box as iTunes metadata; the trailing zeros are reserved fields and an empty name.
  const hdlr = fullBox("hdlr", 0, 0, uint32(0), utf8("mdirappl"), new Uint8Array(9));
  return fullBox("meta", 0, 0, hdlr, box("ilst", ...items));
}
