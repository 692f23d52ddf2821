/** A TagSet that exercises every field: several artists, non-ASCII text, a full date, a cover. */
import type { TagSet } from "musicdl/plugin";

/** Synced lyrics with non-ASCII words and a line break in the plain text. */
export const SAMPLE_LYRICS = {
  plain: "Ünïcode first line\nΩmega second line",
  synced: [
    { timeMs: 500, text: "Ünïcode first line" },
    { timeMs: 1250, text: "Ωmega second line" },
  ],
} as const satisfies TagSet["lyrics"];

export function sampleTags(cover: Uint8Array): TagSet {
  return {
    title: "Ünïcode Sоng (feat. Ωmega)",
    artist: "AC/DC, Beyoncé, Ωmega",
    artists: ["AC/DC", "Beyoncé", "Ωmega"],
    album: "Test Album — Deluxe",
    albumArtist: "AC/DC, Various",
    albumArtists: ["AC/DC", "Various"],
    trackNumber: 3,
    trackTotal: 12,
    discNumber: 2,
    discTotal: 2,
    date: "2011-04-18",
    isrc: "USUM71703861",
    compilation: true,
    media: "Digital Media",
    sourceUrl: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
    extra: {
      SPOTIFY_ID: "1RKbVxcm267VdsIzqY7msi",
      SPOTIFY_URL: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
    },
    explicit: true,
    comment: "https://music.youtube.com/watch?v=dQw4w9WgXcQ",
    cover: { mime: "image/jpeg", data: cover },
    lyrics: SAMPLE_LYRICS,
  };
}
