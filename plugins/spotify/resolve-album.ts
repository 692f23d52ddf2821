/**
 * Albums, artists and single tracks. Album pages list simplified tracks (no ISRC), so full tracks come from the
 * shared loader. Albums are cached forever; an artist's release list for `cache_ttl`.
 */
import type { ResolvedSource, TrackMeta } from "musicdl/plugin";
import { cacheKeys } from "./cache.ts";
import { SpotifyNotFoundError } from "./errors.ts";
import { discLayoutOf } from "./map.ts";
import { type ResolveContext, withMarket } from "./resolve-context.ts";
import { describeNamed } from "./url.ts";
import { AlbumSchema, AlbumTracksPageSchema, ArtistAlbumsPageSchema, type SpotifySimplifiedTrack } from "./schemas.ts";
import { followPages } from "./_pages.ts";

interface ArtistRelease {
  readonly id: string;
  readonly name: string;
}
interface CachedArtistAlbums {
  readonly name: string;
  readonly releases: readonly ArtistRelease[];
}

export async function resolveTrack(ctx: ResolveContext, id: string, signal?: AbortSignal): Promise<ResolvedSource> {
  const track = (await ctx.loader.load([id], signal)).get(id);
  if (!track) throw new SpotifyNotFoundError(404, `/tracks/${id}`, "Spotify has no such track, or it is unavailable.");
  return { kind: "track", id, name: `${track.artists.join(", ")} - ${track.title}`, tracks: [track], warnings: [] };
}

export function resolveAlbum(ctx: ResolveContext, id: string, signal?: AbortSignal): Promise<ResolvedSource> {
  const cached = ctx.cache.get(cacheKeys.album(id)) as ResolvedSource | undefined;
  if (cached) {
    ctx.stats.cacheHits++;
    return Promise.resolve(cached);
  }
  // Registered before any await, so an artist handing over its albums never leaves the loader thinking all is listed.
  const done = ctx.loader.beginListing("lister");
  return listAndLoadAlbum(ctx, id, done, signal);
}

async function listAndLoadAlbum(
  ctx: ResolveContext,
  id: string,
  done: () => void,
  signal?: AbortSignal,
): Promise<ResolvedSource> {
  let album: Awaited<ReturnType<typeof fetchAlbum>>;
  try {
    album = await fetchAlbum(ctx, id, signal);
  } finally {
    done();
  }
  const full = await ctx.loader.load(
    album.tracks.flatMap((track) => (track.id ? [track.id] : [])),
    signal,
  );
  const layout = discLayoutOf(album.tracks.map((track) => track.disc_number));
  const tracks: TrackMeta[] = [];
  let unavailable = 0;
  for (const simplified of album.tracks) {
    const track = simplified.id ? full.get(simplified.id) : null;
    // Known once the whole album is listed: every track gets its album's disc count and tracks per disc.
    if (track) tracks.push({ ...track, album: { ...track.album, ...layout } });
    else unavailable++;
  }
  const warnings = unavailable
    ? [
        `${describeNamed("album", album.name, id)}: skipped ${unavailable} unavailable track${unavailable > 1 ? "s" : ""}`,
      ]
    : [];
  const resolved: ResolvedSource = { kind: "album", id, name: album.name, tracks, warnings };
  ctx.cache.set(cacheKeys.album(id), resolved, null);
  return resolved;
}

/** The album and every page of its tracks (120 tracks → 120, whatever the page size). */
async function fetchAlbum(ctx: ResolveContext, id: string, signal?: AbortSignal) {
  // A saved album came whole with `GET /me/albums`; asking for it again would only repeat that answer.
  const listed = ctx.listed.albums.get(id);
  ctx.listed.albums.delete(id);
  const album = listed ?? (await ctx.transport.get(withMarket(`/albums/${id}`, ctx.market), AlbumSchema, signal));
  const tracks: SpotifySimplifiedTrack[] = [...album.tracks.items];
  for await (const page of followPages(ctx.transport, album.tracks.next, AlbumTracksPageSchema, signal)) {
    tracks.push(...page.items);
  }
  return { name: album.name, tracks };
}

export async function resolveArtist(ctx: ResolveContext, id: string, signal?: AbortSignal): Promise<ResolvedSource> {
  let listing = ctx.cache.get(cacheKeys.artistAlbums(id)) as CachedArtistAlbums | undefined;
  if (listing) ctx.stats.cacheHits++;
  const done = ctx.loader.beginListing("lister");
  let albums: Promise<ResolvedSource>[];
  try {
    listing ??= await fetchArtistReleases(ctx, id, signal);
    // Each album registers as listing before this artist stops listing (see resolveAlbum).
    albums = listing.releases.map((release) => resolveAlbum(ctx, release.id, signal));
  } finally {
    done();
  }
  const resolved = await Promise.all(albums);
  return {
    kind: "artist",
    id,
    name: listing.name,
    tracks: resolved.flatMap((album) => album.tracks),
    warnings: resolved.flatMap((album) => album.warnings),
  };
}

/** Albums and singles only (`include_groups=album,single`): compilations and appears_on are other artists' records. */
async function fetchArtistReleases(ctx: ResolveContext, id: string, signal?: AbortSignal): Promise<CachedArtistAlbums> {
  const releases: ArtistRelease[] = [];
  const seen = new Set<string>();
  let name = "";
  const limit = ctx.pageLimits.limitFor("artist-albums");
  const first = withMarket(`/artists/${id}/albums?include_groups=album,single&limit=${limit}`, ctx.market);
  for await (const page of followPages(ctx.transport, first, ArtistAlbumsPageSchema, signal)) {
    for (const album of page.items) {
      // album_group is gone for 2026 dev-mode apps; when present, it is the reliable filter.
      if (album.album_group && album.album_group !== "album" && album.album_group !== "single") continue;
      if (seen.has(album.id)) continue;
      seen.add(album.id);
      releases.push({ id: album.id, name: album.name });
      name ||= album.artists.find((artist) => artist.id === id)?.name ?? "";
    }
  }
  const listing = { name: name || id, releases };
  ctx.cache.set(cacheKeys.artistAlbums(id), listing, ctx.cacheTtlS);
  return listing;
}
