/** Maps a TagSet to ID3v2.4 frames (built by node-id3, upgraded by v24.ts). Pure. */
import type { TagSet } from "musicdl/plugin";
import type NodeID3 from "node-id3";

/** ID3v2.4 separates values of one text frame with a null character. */
const MULTI_VALUE = "\u0000";

export function buildId3Tags(tags: TagSet): NodeID3.Tags {
  return {
    title: tags.title,
    artist: tags.artists.join(MULTI_VALUE), // TPE1
    album: tags.album,
    performerInfo: tags.albumArtists.join(MULTI_VALUE), // TPE2, read as "album artist" by players
    trackNumber: `${tags.trackNumber}/${tags.trackTotal}`,
    partOfSet: `${tags.discNumber}/${tags.discTotal}`, // TPOS
    recordingTime: tags.date, // TDRC takes YYYY, YYYY-MM or YYYY-MM-DD
    ...(tags.isrc ? { ISRC: tags.isrc } : {}), // TSRC
    audioSourceUrl: tags.spotifyUrl, // WOAS
    ...(tags.comment ? { comment: { language: "eng", text: tags.comment } } : {}),
    userDefinedText: [
      { description: "SPOTIFY_ID", value: tags.spotifyId },
      { description: "SPOTIFY_URL", value: tags.spotifyUrl },
      // iTunes' advisory values: 1 explicit, 0 none. Picard and mutagen use this TXXX name.
      { description: "ITUNESADVISORY", value: tags.explicit ? "1" : "0" },
    ],
    ...(tags.cover
      ? {
          image: {
            mime: tags.cover.mime,
            type: { id: 3 }, // front cover
            description: "Cover",
            imageBuffer: Buffer.from(tags.cover.data),
          },
        }
      : {}),
  };
}

/**
 * RIFF INFO fields for wav, for readers that look only there (Windows Explorer; ffprobe prefers them). INFO has
 * one value per field, so artists are joined for display.
 */
export function buildRiffInfo(tags: TagSet): Record<string, string> {
  return {
    INAM: tags.title,
    IART: tags.artists.join(", "),
    IPRD: tags.album,
    ICRD: tags.date,
    ITRK: String(tags.trackNumber),
    ...(tags.comment ? { ICMT: tags.comment } : {}),
  };
}
