/** Page sizes the fake serves, and the fewest Web API requests a set of sources can be resolved with. */
import type { Catalog } from "./catalog.ts";

export type ApiShape = "legacy" | "2026" | "transitional";

/** Largest `limit` each endpoint honours; bigger asks are capped, as Spotify's reference documents. */
export interface PageCaps {
  /** `GET /albums/{id}` embedded page and `/albums/{id}/tracks` (50: album-tracks-page.json). */
  readonly albumTracks: number;
  readonly artistAlbums: number;
  /** The page embedded in `GET /playlists/{id}` (limit 100 in playlist-legacy.json and the transitional recording). */
  readonly playlistEmbedded: number;
  /** `/playlists/{id}/items|tracks`: 100 before 2026, 50 per the Feb 2026 reference. */
  readonly playlistItems: number;
  readonly savedTracks: number;
  /** Ids per `GET /tracks?ids=`. */
  readonly batchTracks: number;
  /** `GET /me/albums`, `/me/following`, `/me/playlists` (50 when unset, as the reference says). */
  readonly savedAlbums?: number;
  readonly followedArtists?: number;
  readonly myPlaylists?: number;
}

export function defaultPageCaps(shape: ApiShape): PageCaps {
  return {
    albumTracks: 50,
    artistAlbums: 50,
    playlistEmbedded: 100,
    playlistItems: shape === "legacy" ? 100 : 50,
    savedTracks: 50,
    batchTracks: 50,
  };
}

export interface SourceSpec {
  readonly kind: "track" | "album" | "playlist" | "artist" | "saved";
  readonly id: string;
}

export interface RequestMinimum {
  /** Playlist, album, artist and saved pages. */
  readonly listRequests: number;
  /** Full-track fetches for ISRCs (album/artist/track sources whose tracks no playlist already returned). */
  readonly fullTrackRequests: number;
  readonly total: number;
}

export function minimumRequests(
  catalog: Catalog,
  sources: readonly SourceSpec[],
  options: { batch: boolean; shape?: ApiShape; caps?: PageCaps },
): RequestMinimum {
  const caps = options.caps ?? defaultPageCaps(options.shape ?? "legacy");
  const provided = new Set<string>();
  const needed = new Set<string>();
  const albums = new Set<string>();
  let listRequests = 0;
  const pagesAfter = (count: number, first: number, rest: number) => 1 + Math.ceil(Math.max(0, count - first) / rest);
  for (const source of sources) {
    if (source.kind === "playlist") {
      const playlist = catalog.playlists.get(source.id);
      if (!playlist) continue;
      listRequests += pagesAfter(playlist.entries.length, caps.playlistEmbedded, caps.playlistItems);
      for (const entry of playlist.entries) if (entry.type === "track") provided.add(entry.trackId);
    } else if (source.kind === "saved") {
      listRequests += Math.max(1, Math.ceil(catalog.savedTrackIds.length / caps.savedTracks));
      for (const id of catalog.savedTrackIds) provided.add(id);
    } else if (source.kind === "album") {
      albums.add(source.id);
    } else if (source.kind === "artist") {
      const own = (catalog.releases.get(source.id) ?? []).filter(
        (release) => release.group === "album" || release.group === "single",
      );
      listRequests += Math.max(1, Math.ceil(own.length / caps.artistAlbums));
      for (const release of own) albums.add(release.albumId);
    } else {
      needed.add(source.id);
    }
  }
  for (const albumId of albums) {
    const album = catalog.albums.get(albumId);
    if (!album) continue;
    listRequests += pagesAfter(album.trackIds.length, caps.albumTracks, caps.albumTracks);
    for (const id of album.trackIds) needed.add(id);
  }
  for (const id of provided) needed.delete(id);
  const fullTrackRequests = options.batch ? Math.ceil(needed.size / caps.batchTracks) : needed.size;
  return { listRequests, fullTrackRequests, total: listRequests + fullTrackRequests };
}
