/**
 * Web API JSON for catalog objects, shaped after the recorded fixtures (shared/fixtures/spotify, see its README):
 * track.json / track-2026.json (full track), album.json / album-2026.json (album with embedded tracks page),
 * album-tracks-page.json (simplified tracks: no album, no ISRC), artist-albums-page.json (album_group),
 * playlist-legacy.json / playlist-2026.json / playlist-2026-transitional.json (tracks/track vs items/item vs both).
 * 2026 dev-mode shapes drop popularity, available_markets, linked_from, label, genres and album_group.
 */
import type { Catalog, CatalogAlbum, CatalogPlaylist, CatalogPlaylistEntry, CatalogTrack } from "./catalog.ts";
import type { ApiShape } from "./minimum.ts";

type Json = Record<string, unknown>;
const MARKETS = ["AR", "AU", "AT", "BE", "BO"]; // trimmed like the fixtures (they cut ~185 markets to 5)

export interface Builders {
  artist(id: string): Json;
  simplifiedAlbum(album: CatalogAlbum, group?: string): Json;
  simplifiedTrack(track: CatalogTrack): Json;
  fullTrack(track: CatalogTrack): Json;
  fullAlbum(album: CatalogAlbum, tracksPage: Json): Json;
  playlistEntry(entry: CatalogPlaylistEntry): Json;
  playlist(playlist: CatalogPlaylist, page: Json | null): Json;
  page(path: string, items: unknown[], offset: number, limit: number, total: number, query?: string): Json;
}

/** `imageBase`: where cover URLs point (Spotify's CDN by default; the fake's own /image/ when it serves covers). */
export function createBuilders(
  catalog: Catalog,
  apiUrl: string,
  shape: ApiShape,
  imageBase = "https://i.scdn.co",
): Builders {
  const legacyFields = shape !== "2026";
  const ref = (kind: string, id: string) => ({
    external_urls: { spotify: `https://open.spotify.com/${kind}/${id}` },
    href: `${apiUrl}/${kind}s/${id}`,
    id,
    type: kind,
    uri: `spotify:${kind}:${id}`,
  });
  const images = (id: string) =>
    [640, 300, 64].map((size) => ({ url: `${imageBase}/image/fake-${size}-${id}`, height: size, width: size }));

  const builders: Builders = {
    artist: (id) => ({ ...ref("artist", id), name: catalog.artists.get(id)?.name ?? "" }),
    simplifiedAlbum(album, group) {
      return {
        album_type: album.albumType,
        total_tracks: album.trackIds.length,
        ...(legacyFields ? { available_markets: MARKETS } : {}),
        ...ref("album", album.id),
        images: images(album.id),
        name: album.name,
        release_date: album.releaseDate,
        release_date_precision: album.releaseDatePrecision,
        artists: album.artistIds.map(builders.artist),
        ...(group && legacyFields ? { album_group: group } : {}),
      };
    },
    simplifiedTrack(track) {
      return {
        artists: track.artistIds.map(builders.artist),
        ...(legacyFields ? { available_markets: MARKETS } : {}),
        disc_number: track.discNumber,
        duration_ms: track.durationMs,
        explicit: track.explicit,
        ...ref("track", track.id),
        name: track.name,
        preview_url: null,
        track_number: track.trackNumber,
        is_local: false,
      };
    },
    fullTrack(track) {
      const album = catalog.albums.get(track.albumId)!;
      return {
        ...builders.simplifiedTrack(track),
        album: builders.simplifiedAlbum(album),
        external_ids: track.isrc ? { isrc: track.isrc } : {},
        ...(legacyFields ? { popularity: 40 } : {}),
      };
    },
    fullAlbum(album, tracksPage) {
      return {
        ...builders.simplifiedAlbum(album),
        tracks: tracksPage,
        copyrights: [{ text: `℗ ${album.releaseDate.slice(0, 4)} ${album.label}`, type: "P" }],
        external_ids: { upc: album.upc },
        ...(legacyFields ? { genres: [], label: album.label, popularity: 30 } : {}),
      };
    },
    playlistEntry(entry) {
      let inner: Json | null = null;
      if (entry.type === "track") {
        const track = catalog.tracks.get(entry.trackId);
        inner = track ? { ...builders.fullTrack(track), episode: false, track: true } : null;
      } else if (entry.type === "local") {
        inner = {
          id: null,
          uri: `spotify:local:::${encodeURIComponent(entry.name)}:180`,
          name: entry.name,
          type: "track",
          is_local: true,
          artists: [{ id: null, name: "", type: "artist", uri: "spotify:artist:", href: null, external_urls: {} }],
          album: {
            id: null,
            name: "",
            type: "album",
            album_type: null,
            artists: [],
            images: [],
            release_date: null,
            release_date_precision: null,
          },
          duration_ms: 180_000,
          disc_number: 0,
          track_number: 0,
          explicit: false,
          external_ids: {},
          external_urls: {},
          href: null,
          popularity: 0,
          preview_url: null,
        };
      } else if (entry.type === "episode") {
        inner = {
          ...ref("episode", entry.id),
          name: entry.name,
          duration_ms: 1_800_000,
          explicit: false,
          episode: true,
          track: false,
          type: "episode",
        };
      }
      const owner = { ...ref("user", catalog.userId) };
      return {
        added_at: "2026-01-24T12:43:16Z",
        added_by: owner,
        is_local: entry.type === "local",
        primary_color: null,
        ...(shape !== "2026" ? { track: inner } : {}),
        ...(shape !== "legacy" ? { item: inner } : {}),
        video_thumbnail: { url: null },
      };
    },
    playlist(playlist, page) {
      const owner = { ...ref("user", playlist.ownerId), display_name: playlist.ownerId };
      return {
        collaborative: playlist.collaborative,
        description: "",
        external_urls: { spotify: `https://open.spotify.com/playlist/${playlist.id}` },
        followers: { href: null, total: 0 },
        href: `${apiUrl}/playlists/${playlist.id}?additional_types=track`,
        id: playlist.id,
        images: [{ height: null, url: `https://image-cdn-ak.spotifycdn.com/image/fake-${playlist.id}`, width: null }],
        name: playlist.name,
        owner,
        primary_color: null,
        public: true,
        snapshot_id: playlist.snapshotId,
        ...(page && shape !== "2026" ? { tracks: page } : {}),
        ...(page && shape !== "legacy" ? { items: page } : {}),
        type: "playlist",
        uri: `spotify:playlist:${playlist.id}`,
      };
    },
    page(path, items, offset, limit, total, query = "") {
      const link = (at: number) => `${apiUrl}${path}?offset=${at}&limit=${limit}${query}`;
      return {
        href: link(offset),
        items,
        limit,
        next: offset + limit < total ? link(offset + limit) : null,
        offset,
        previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
        total,
      };
    },
  };
  return builders;
}
