/** Builds TrackMeta values for unit tests, with overridable fields. */
import type { AlbumMeta, TrackMeta } from "../../src/plugins/api.ts";

export function makeAlbum(overrides: Partial<AlbumMeta> = {}): AlbumMeta {
  return {
    id: "album00000000000000000",
    name: "Moving Pictures",
    type: "album",
    artists: ["Rush"],
    releaseDate: "1981-02-12",
    releaseDatePrecision: "day",
    totalTracks: 7,
    images: [{ url: "https://i.scdn.co/image/cover640", width: 640, height: 640 }],
    ...overrides,
  };
}

export function makeTrack(overrides: Partial<TrackMeta> & { spotifyId: string }): TrackMeta {
  return {
    title: "YYZ",
    artists: ["Rush"],
    album: makeAlbum(),
    discNumber: 1,
    trackNumber: 3,
    durationMs: 266_000,
    explicit: false,
    isrc: undefined,
    spotifyUrl: `https://open.spotify.com/track/${overrides.spotifyId}`,
    ...overrides,
  };
}
