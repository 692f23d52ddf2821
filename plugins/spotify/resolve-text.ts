/**
 * Plain text ("Artist - Title") to one Spotify track through `GET /search?type=track`; the core's text ranking
 * (`ctx.text`) reads the text and picks among the answers. Search answers are cached
 * for `cache_ttl` like other lists; the choice itself never expires, so a re-run sends no search and the library
 * keeps the recording it was given even when Spotify's ranking moves.
 */
import * as v from "valibot";
import type { ScoredTrack, TextMatch, TrackMeta } from "musicdl/plugin";
import { cacheKeys } from "./cache.ts";
import { toTrackMeta } from "./map.ts";
import { type ResolveContext, withMarket } from "./resolve-context.ts";
import { FullTrackSchema, pagingSchema } from "./schemas.ts";
import { spotifyQueryOf } from "./search-query.ts";

/** Search pages hold at most 10 tracks on apps made since Feb 2026; 10 works for both generations. */
export const SEARCH_PAGE_SIZE = 10;
/** A second page is read only when the first has nothing acceptable; the right track is rarely buried deeper. */
const MAX_SEARCH_PAGES = 2;

const SearchAnswerSchema = v.object({ tracks: pagingSchema(v.nullable(FullTrackSchema)) });

/** What a text resolved to, for `--json` and messages. */
export type TextResolution = TextMatch;

interface RememberedChoice {
  readonly trackId: string;
  readonly searched: string;
  readonly score: number;
}

export async function resolveText(ctx: ResolveContext, text: string, signal?: AbortSignal): Promise<TextResolution> {
  const query = ctx.text.tidy(text);
  const key = cacheKeys.textQuery(query.toLowerCase());
  const remembered = ctx.cache.get(key) as RememberedChoice | undefined;
  if (remembered?.trackId) {
    const track = (await ctx.loader.load([remembered.trackId], signal)).get(remembered.trackId);
    if (track) return { query, searched: remembered.searched, score: remembered.score, track, remembered: true };
  }
  const searched: string[] = [];
  let nearest: readonly ScoredTrack[] = [];
  for (const reading of ctx.text.read(query)) {
    const q = spotifyQueryOf(reading);
    searched.push(q);
    const tracks = await searchTracks(ctx, q, (found) => ctx.text.pick(reading, found).kind !== "none", signal);
    const pick = ctx.text.pick(reading, tracks);
    if (pick.kind === "ambiguous") throw ctx.text.ambiguous(query, pick.candidates, "Spotify");
    if (pick.kind === "none") {
      if (nearest.length === 0) nearest = pick.nearest;
      continue;
    }
    const { track, score } = pick.best;
    ctx.loader.provide([track]);
    ctx.cache.set(key, { trackId: track.id, searched: q, score } satisfies RememberedChoice, null);
    return { query, searched: q, score, track, remembered: false };
  }
  throw ctx.text.notFound(query, searched, nearest, "Spotify");
}

/** The tracks Spotify answers `q` with, in its order: page by page until `enough` says so, cached per `q`. */
async function searchTracks(
  ctx: ResolveContext,
  q: string,
  enough: (tracks: readonly TrackMeta[]) => boolean,
  signal?: AbortSignal,
): Promise<TrackMeta[]> {
  const key = cacheKeys.search(q);
  const cached = ctx.cache.get(key) as TrackMeta[] | undefined;
  if (Array.isArray(cached)) {
    ctx.stats.cacheHits++;
    return cached;
  }
  const tracks: TrackMeta[] = [];
  let next: string | null = withMarket(
    `/search?type=track&q=${encodeURIComponent(q)}&limit=${SEARCH_PAGE_SIZE}&offset=0`,
    ctx.market,
  );
  for (let page = 0; next && page < MAX_SEARCH_PAGES; page++) {
    const answer: v.InferOutput<typeof SearchAnswerSchema> = await ctx.transport.get(next, SearchAnswerSchema, signal);
    for (const item of answer.tracks.items) {
      const track = item ? toTrackMeta(item) : null;
      if (track && !tracks.some((seen) => seen.id === track.id)) tracks.push(track);
    }
    next = answer.tracks.next;
    if (enough(tracks)) break;
  }
  ctx.cache.set(key, tracks, ctx.cacheTtlS);
  return tracks;
}
