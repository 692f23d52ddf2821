/** A TagSet that exercises every field: several artists, non-ASCII text, a full date, a cover. */
import type { TagSet } from "musicdl/plugin";

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
    spotifyId: "1RKbVxcm267VdsIzqY7msi",
    spotifyUrl: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
    explicit: true,
    comment: "https://music.youtube.com/watch?v=dQw4w9WgXcQ",
    cover: { mime: "image/jpeg", data: cover },
  };
}
