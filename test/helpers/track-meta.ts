/** The one TrackMeta builder for tests: Rush's "YYZ" as the Spotify source yields it, any field overridable. */
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

/** Any field of a track; `album` is laid over the default album rather than replacing it. */
export type TrackOverrides = Partial<Omit<TrackMeta, "album">> & { readonly album?: Partial<AlbumMeta> };

/**
 * A track. A Spotify track (the default source) gets the `url` and `tags` the Spotify source gives every track,
 * built from its `id`; a track of another source gets neither unless asked.
 */
export function makeTrack(overrides: TrackOverrides = {}): TrackMeta {
  const { album, ...rest } = overrides;
  const source = rest.source ?? "spotify";
  const id = rest.id ?? "1RKbVxcm267VdsIzqY7msi";
  return {
    ...(source === "spotify" ? spotifyIdentity(id) : { source, id }),
    title: "YYZ",
    artists: ["Rush"],
    album: makeAlbum(album),
    discNumber: 1,
    trackNumber: 3,
    durationMs: 266_000,
    explicit: false,
    ...rest,
  };
}

/** What the Spotify source writes into every track it yields. */
export function spotifyIdentity(id: string): Pick<TrackMeta, "source" | "id" | "url" | "tags"> {
  const url = `https://open.spotify.com/track/${id}`;
  return { source: "spotify", id, url, tags: { SPOTIFY_ID: id, SPOTIFY_URL: url } };
}
