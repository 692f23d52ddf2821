/** The fake Web API's `/v1` routes over a catalog: paging with absolute `next` links, capped limits, real error bodies. */
import type { Builders } from "./builders.ts";
import type { Catalog, CatalogPlaylist } from "./catalog.ts";
import { routeMe } from "./library-routes.ts";
import type { ApiShape, PageCaps } from "./minimum.ts";
import { routeSearch } from "./search-route.ts";

export interface RouteContext {
  readonly catalog: Catalog;
  readonly builders: Builders;
  readonly shape: ApiShape;
  readonly caps: PageCaps;
  readonly batchEndpoints: boolean;
  readonly playlistOwnership: "any" | "owned-only";
  readonly tokenKind: "app" | "user";
  /** Scopes the user token was granted; undefined for app tokens (and tokens issued without any). */
  readonly scopes?: readonly string[];
  /** `http://127.0.0.1:PORT/v1`, for links a route builds itself (cursor paging). */
  readonly apiUrl: string;
  /** false: followed artists page by `cursors.after` only (no `next` member). */
  readonly followedNextLinks?: boolean;
  /** Null entries (and a nameless, ownerless playlist) in the `/me` lists; see FakeSpotifySwitches.libraryGaps. */
  readonly libraryGaps?: boolean;
  /** Tracks albums still list but Spotify no longer serves (region or licence): null in batches, 404 alone. */
  readonly unavailableTrackIds: readonly string[];
  /** Refuse a `limit` above the Feb 2026 dev-mode maximums with `400 Invalid limit`, as the reference allows. */
  readonly enforce2026Limits: boolean;
}

/** The Feb 2026 reference's maximum (and default) `limit` of the endpoints it lowered. */
export const LIMITS_2026 = {
  artistAlbums: { max: 10, fallback: 5 },
  search: { max: 10, fallback: 5 },
  playlistItems: { max: 50, fallback: 20 },
} as const;

/** The Web API error shape (error-403.json, error-404.json). */
export const apiError = (
  status: number,
  message: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
) => Response.json({ error: { status, message, ...extra } }, { status, headers });

const ALL_GROUPS = ["album", "single", "appears_on", "compilation"];

export function routeApi(path: string, query: URLSearchParams, ctx: RouteContext): Response {
  const parts = path.split("/").filter(Boolean); // ["tracks", id] …
  const { catalog, builders, caps } = ctx;
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0);
  const limitOf = (fallback: number, cap: number) =>
    Math.min(cap, Math.max(1, Number(query.get("limit") ?? fallback) || fallback));
  // Spotify's answer to a page size above an endpoint's maximum (the body users report for limit=51 and up).
  const refusedLimit = (max: number) =>
    ctx.enforce2026Limits && Number(query.get("limit") ?? 0) > max ? apiError(400, "Invalid limit") : undefined;
  const paged = <T>(basePath: string, all: readonly T[], limit: number, map: (item: T) => unknown, extraQuery = "") =>
    builders.page(basePath, all.slice(offset, offset + limit).map(map), offset, limit, all.length, extraQuery);

  if (parts[0] === "tracks" && parts.length === 1) {
    // Removed for Feb 2026 dev-mode apps; they get 403 Forbidden (jjdenhertog/spotify-to-plex#131, live-verified).
    if (!ctx.batchEndpoints) return apiError(403, "Forbidden");
    const ids = (query.get("ids") ?? "").split(",").filter(Boolean);
    if (ids.length === 0 || ids.length > caps.batchTracks) return apiError(400, "Too many ids requested");
    return Response.json({
      tracks: ids.map((id) => {
        const t = ctx.unavailableTrackIds.includes(id) ? undefined : catalog.tracks.get(id);
        return t ? builders.fullTrack(t) : null;
      }),
    });
  }
  if (parts[0] === "tracks" && parts.length === 2) {
    const track = ctx.unavailableTrackIds.includes(parts[1]!) ? undefined : catalog.tracks.get(parts[1]!);
    return track ? Response.json(builders.fullTrack(track)) : apiError(404, "Resource not found");
  }
  if (parts[0] === "albums" && parts[1]) {
    const album = catalog.albums.get(parts[1]);
    if (!album) return apiError(404, "Resource not found");
    const tracks = album.trackIds.map((id) => catalog.tracks.get(id)!);
    const tracksPath = `/albums/${album.id}/tracks`;
    if (parts.length === 2) {
      const page = builders.page(
        tracksPath,
        tracks.slice(0, caps.albumTracks).map(builders.simplifiedTrack),
        0,
        caps.albumTracks,
        tracks.length,
      );
      return Response.json(builders.fullAlbum(album, page));
    }
    if (parts[2] === "tracks")
      return Response.json(paged(tracksPath, tracks, limitOf(20, caps.albumTracks), builders.simplifiedTrack));
  }
  if (parts[0] === "artists" && parts[1] && parts[2] === "albums") {
    if (!catalog.artists.has(parts[1])) return apiError(404, "Resource not found");
    const groups = (query.get("include_groups") ?? ALL_GROUPS.join(",")).split(",");
    const releases = (catalog.releases.get(parts[1]) ?? []).filter((release) => groups.includes(release.group));
    const refused = refusedLimit(LIMITS_2026.artistAlbums.max);
    if (refused) return refused;
    const limit = ctx.enforce2026Limits
      ? limitOf(LIMITS_2026.artistAlbums.fallback, LIMITS_2026.artistAlbums.max)
      : limitOf(20, caps.artistAlbums);
    return Response.json(
      paged(
        `/artists/${parts[1]}/albums`,
        releases,
        limit,
        (release) => builders.simplifiedAlbum(catalog.albums.get(release.albumId)!, release.group),
        `&include_groups=${groups.join(",")}`,
      ),
    );
  }
  if (parts[0] === "playlists" && parts[1]) return routePlaylist(parts, query, ctx, offset, limitOf);
  if (parts[0] === "search" && parts.length === 1) {
    const refused = refusedLimit(LIMITS_2026.search.max);
    if (refused) return refused;
    const capped = ctx.enforce2026Limits || ctx.shape === "2026";
    return routeSearch(query, catalog, builders, capped ? LIMITS_2026.search : { max: 50, fallback: 20 });
  }
  if (parts[0] === "me") return routeMe(parts, query, ctx, offset, limitOf);
  return apiError(404, "Service not found");
}

function routePlaylist(
  parts: string[],
  query: URLSearchParams,
  ctx: RouteContext,
  offset: number,
  limitOf: (fallback: number, cap: number) => number,
): Response {
  const { catalog, builders, caps, shape } = ctx;
  const playlist = catalog.playlists.get(parts[1]!);
  if (!playlist) return apiError(404, "Resource not found");
  const visible =
    ctx.playlistOwnership === "any" || (ctx.tokenKind === "user" && ownsOrCollaborates(catalog, playlist));
  // Legacy apps page through /tracks, 2026 apps through /items (the old path answers 403 for them; bjarneo/cliamp#54).
  const itemsPath = `/playlists/${playlist.id}/${shape === "legacy" ? "tracks" : "items"}`;
  if (parts.length === 2) {
    const page = visible
      ? builders.page(
          itemsPath,
          playlist.entries.slice(0, caps.playlistEmbedded).map(builders.playlistEntry),
          0,
          caps.playlistEmbedded,
          playlist.entries.length,
          "&additional_types=track",
        )
      : null;
    const body = builders.playlist(playlist, page);
    const fields = query.get("fields");
    if (!fields) return Response.json(body);
    // Only top-level field lists (`fields=snapshot_id,name`) are supported, which is all musicdl asks for.
    return Response.json(
      Object.fromEntries(
        fields
          .split(",")
          .filter((field) => field in body)
          .map((field) => [field, body[field as keyof typeof body]]),
      ),
    );
  }
  if (parts[2] === "tracks" && shape === "2026") return apiError(403, "Forbidden");
  if (parts[2] !== "items" && parts[2] !== "tracks") return apiError(404, "Service not found");
  if (!visible) return apiError(403, "Forbidden");
  if (ctx.enforce2026Limits && Number(query.get("limit") ?? 0) > LIMITS_2026.playlistItems.max)
    return apiError(400, "Invalid limit");
  const limit = ctx.enforce2026Limits
    ? limitOf(LIMITS_2026.playlistItems.fallback, LIMITS_2026.playlistItems.max)
    : limitOf(100, caps.playlistItems);
  return Response.json(
    builders.page(
      `/playlists/${playlist.id}/${parts[2]}`,
      playlist.entries.slice(offset, offset + limit).map(builders.playlistEntry),
      offset,
      limit,
      playlist.entries.length,
      "&additional_types=track",
    ),
  );
}

function ownsOrCollaborates(catalog: Catalog, playlist: CatalogPlaylist): boolean {
  return playlist.ownerId === catalog.userId || playlist.collaborative;
}
