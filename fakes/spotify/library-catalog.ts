/**
 * The small catalog as one logged-in user's library: two saved albums (a live album and a compilation), two
 * followed artists (Harbor Lights and Mira Vale), and three playlists
 * in the user's list — one owned, one owned by someone else but collaborative, one only followed (not readable
 * under the 2026 rules).
 */
import type { Catalog } from "./catalog.ts";
import { createSmallCatalog, SMALL } from "./small-catalog.ts";

export const LIBRARY = {
  collaborativePlaylistId: "0BandPracticeList00001",
  savedAlbumIds: [SMALL.appearsOnId, SMALL.compilationId],
  followedArtistIds: [SMALL.featuredArtistId, SMALL.artistId],
} as const;

export function createLibraryCatalog(): Catalog {
  const catalog = createSmallCatalog();
  catalog.playlists.set(LIBRARY.collaborativePlaylistId, {
    id: LIBRARY.collaborativePlaylistId,
    name: "Band Practice",
    ownerId: "someone_else",
    collaborative: true,
    snapshotId: "snap-band-practice-1",
    entries: [
      { type: "track", trackId: SMALL.appearsOnTrackId },
      { type: "track", trackId: SMALL.trackIds.undertow },
    ],
  });
  catalog.savedAlbumIds = [...LIBRARY.savedAlbumIds];
  catalog.followedArtistIds = [...LIBRARY.followedArtistIds];
  return catalog;
}
