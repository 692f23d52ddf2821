/**
 * Maps a TagSet to ID3v2.4 frames under the names MusicBrainz Picard uses (docs/tags.md): TPE1 holds the artist
 * display string and TXXX:ARTISTS each artist; likewise TPE2 and TXXX:ALBUMARTISTS. Pure.
 */
import type { TagSet } from "musicdl/plugin";
import type { Id3Frame } from "./id3v24.ts";

const text = (id: string, ...values: string[]): Id3Frame => ({ kind: "text", id, values });
const userText = (description: string, ...values: readonly string[]): Id3Frame => ({
  kind: "user-text",
  description,
  values,
});

/** `n/N`, or `n` alone when the total is unknown (a guessed total would be wrong on some albums). */
const numberPair = (number: number, total: number | undefined) =>
  total === undefined ? String(number) : `${number}/${total}`;

/** USLT with the words, and SYLT with the timed lines when the lyrics are synced; language unknown (`XXX`). */
function lyricsFrames(lyrics: TagSet["lyrics"]): Id3Frame[] {
  if (!lyrics) return [];
  const frames: Id3Frame[] = [{ kind: "lyrics", language: "XXX", description: "", text: lyrics.plain }];
  if (lyrics.synced?.length) {
    frames.push({ kind: "synced-lyrics", language: "XXX", description: "", lines: lyrics.synced });
  }
  return frames;
}

export function buildId3Frames(tags: TagSet): Id3Frame[] {
  return [
    text("TIT2", tags.title),
    text("TPE1", tags.artist),
    userText("ARTISTS", ...tags.artists),
    text("TALB", tags.album),
    text("TPE2", tags.albumArtist), // read as "album artist" by every player
    userText("ALBUMARTISTS", ...tags.albumArtists),
    text("TRCK", numberPair(tags.trackNumber, tags.trackTotal)),
    text("TPOS", numberPair(tags.discNumber, tags.discTotal)),
    ...(tags.date ? [text("TDRC", tags.date)] : []), // YYYY, YYYY-MM or YYYY-MM-DD
    ...(tags.isrc ? [text("TSRC", tags.isrc)] : []),
    ...(tags.compilation ? [text("TCMP", "1")] : []), // iTunes' frame, which Picard writes for `compilation`
    text("TMED", tags.media),
    ...Object.entries(tags.extra).map(([key, value]) => userText(key, value)),
    ...(tags.sourceUrl ? [{ kind: "url", id: "WOAS", url: tags.sourceUrl } as const] : []),
    // iTunes' advisory values: 1 explicit, 0 none. Picard and mutagen use this TXXX name.
    userText("ITUNESADVISORY", tags.explicit ? "1" : "0"),
    ...(tags.comment ? [{ kind: "comment", language: "eng", description: "", text: tags.comment } as const] : []),
    ...lyricsFrames(tags.lyrics),
    ...(tags.cover
      ? [
          {
            kind: "picture",
            mime: tags.cover.mime,
            pictureType: 3,
            description: "Cover",
            data: tags.cover.data,
          } as const,
        ]
      : []),
  ];
}
