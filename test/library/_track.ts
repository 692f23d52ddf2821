/** A TrackMeta builder for library tests (the shape of src/plugins/api.ts, values of Spotify's track "YYZ"). */
import type { AlbumMeta, TrackMeta } from "../../src/plugins/api.ts";

export function buildTrack(
  overrides: Partial<Omit<TrackMeta, "album">> & { album?: Partial<AlbumMeta> } = {},
): TrackMeta {
  const { album, ...rest } = overrides;
  return {
    spotifyId: "1RKbVxcm267VdsIzqY7msi",
    title: "YYZ",
    artists: ["Rush"],
    discNumber: 1,
    trackNumber: 3,
    durationMs: 266_000,
    explicit: false,
    isrc: "CAM018100003",
    spotifyUrl: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
    ...rest,
    album: {
      id: "4wtZQMNTC1O79kDxMBsEan",
      name: "Moving Pictures",
      type: "album",
      artists: ["Rush"],
      releaseDate: "1981-02-12",
      releaseDatePrecision: "day",
      totalTracks: 7,
      images: [],
      ...album,
    },
  };
}
