/** A TrackMeta builder for library tests (Spotify's track "YYZ"), on top of the shared test/helpers/track-meta.ts. */
import type { AlbumMeta, TrackMeta } from "../../src/plugins/api.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";

export function buildTrack(
  overrides: Partial<Omit<TrackMeta, "album">> & { album?: Partial<AlbumMeta> } = {},
): TrackMeta {
  const { album, ...rest } = overrides;
  return makeTrack({
    spotifyId: "1RKbVxcm267VdsIzqY7msi",
    isrc: "CAM018100003",
    ...rest,
    album: makeAlbum({ id: "4wtZQMNTC1O79kDxMBsEan", images: [], ...album }),
  });
}
