/**
 * The fake Web API's `/me` routes: the logged-in user, liked songs and albums (offset paging), followed artists
 * (cursor paging: `after` is the last artist id of the previous page) and the user's playlists (owned,
 * collaborative and merely followed alike, as Spotify lists them). Each checks its scope as Spotify does.
 */
import type { RouteContext } from "./api-routes.ts";
import { apiError } from "./api-routes.ts";

const SCOPE_OF: Readonly<Record<string, string>> = {
  tracks: "user-library-read",
  albums: "user-library-read",
  following: "user-follow-read",
  playlists: "playlist-read-private",
};

/** A followed playlist as Spotify has listed some: name and owner id null. */
const NAMELESS_PLAYLIST = {
  collaborative: false,
  id: "37i9dQZF1DWTs4di2L4PuA",
  name: null,
  owner: { display_name: null, external_urls: { spotify: null }, href: null, id: null, type: "user", uri: null },
  snapshot_id: "nameless",
  type: "playlist",
};

export function routeMe(
  parts: readonly string[],
  query: URLSearchParams,
  ctx: RouteContext,
  offset: number,
  limitOf: (fallback: number, cap: number) => number,
): Response {
  const { catalog, builders, caps } = ctx;
  // Client-credentials tokens have no user behind them.
  if (ctx.tokenKind !== "user") return apiError(401, "Valid user authentication required");
  if (parts.length === 1) return Response.json({ id: catalog.userId, display_name: "Fake User", type: "user" });
  const scope = SCOPE_OF[parts[1] ?? ""];
  if (scope && ctx.scopes && !ctx.scopes.includes(scope)) return apiError(403, "Insufficient client scope");
  const gaps = (items: unknown[], ...extra: unknown[]) => (ctx.libraryGaps ? [...items, null, ...extra] : items);
  const paged = <T>(path: string, all: readonly T[], limit: number, map: (item: T) => unknown, ...extra: unknown[]) =>
    builders.page(path, gaps(all.slice(offset, offset + limit).map(map), ...extra), offset, limit, all.length);

  if (parts[1] === "tracks") {
    const saved = catalog.savedTrackIds.map((id) => catalog.tracks.get(id)!);
    return Response.json(
      paged("/me/tracks", saved, limitOf(20, caps.savedTracks), (track) => ({
        added_at: "2026-01-01T00:00:00Z",
        track: builders.fullTrack(track),
      })),
    );
  }
  if (parts[1] === "albums") {
    const albums = (catalog.savedAlbumIds ?? []).map((id) => catalog.albums.get(id)!);
    return Response.json(
      paged("/me/albums", albums, limitOf(20, caps.savedAlbums ?? 50), (album) => {
        const tracks = album.trackIds.map((id) => catalog.tracks.get(id)!);
        const firstPage = builders.page(
          `/albums/${album.id}/tracks`,
          tracks.slice(0, caps.albumTracks).map(builders.simplifiedTrack),
          0,
          caps.albumTracks,
          tracks.length,
        );
        return { added_at: "2026-02-01T00:00:00Z", album: builders.fullAlbum(album, firstPage) };
      }),
    );
  }
  if (parts[1] === "following") {
    if (query.get("type") !== "artist") return apiError(400, "Only valid type is 'artist'");
    // Offset means nothing here: a page starts after the artist named by `after`.
    const all = catalog.followedArtistIds ?? [];
    const after = query.get("after");
    const start = after ? all.indexOf(after) + 1 : 0;
    const limit = limitOf(20, caps.followedArtists ?? 50);
    const items = all.slice(start, start + limit);
    const last = items.at(-1);
    const more = start + limit < all.length;
    const link = (cursor?: string) =>
      `${ctx.apiUrl}/me/following?type=artist&limit=${limit}${cursor ? `&after=${cursor}` : ""}`;
    return Response.json({
      artists: {
        href: link(after ?? undefined),
        items: gaps(items.map((id) => ({ ...builders.artist(id), genres: [], images: [] }))),
        limit,
        ...(ctx.followedNextLinks === false ? {} : { next: more && last ? link(last) : null }),
        cursors: { after: more && last ? last : null },
        total: all.length,
      },
    });
  }
  if (parts[1] === "playlists") {
    // Spotify lists every playlist in the user's library: owned, collaborative, and others' they follow.
    const all = [...catalog.playlists.values()];
    return Response.json(
      paged(
        "/me/playlists",
        all,
        limitOf(20, caps.myPlaylists ?? 50),
        (playlist) => {
          const {
            items: _items,
            tracks: _tracks,
            ...rest
          } = builders.playlist(playlist, null) as Record<string, unknown>;
          return {
            ...rest,
            [ctx.shape === "2026" ? "items" : "tracks"]: { href: `${rest.href}`, total: playlist.entries.length },
          };
        },
        NAMELESS_PLAYLIST,
      ),
    );
  }
  return apiError(404, "Service not found");
}
