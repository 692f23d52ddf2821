/**
 * The fake's `GET /search?type=track`: Spotify's query syntax as far as musicdl uses it (`track:`, `artist:`,
 * `album:`, `isrc:` field filters, quoted phrases, free words matching any field), tracks in catalog order, paged
 * with `limit`/`offset` and an absolute `next`.
 */
import type { Builders } from "./builders.ts";
import type { Catalog, CatalogTrack } from "./catalog.ts";

export interface SearchPageRules {
  /** Largest `limit` honoured (bigger asks are capped). */
  readonly max: number;
  /** `limit` when none is sent. */
  readonly fallback: number;
}

/** Spotify matches words case- and accent-insensitively, punctuation aside. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

interface ParsedQuery {
  readonly filters: { readonly field: string; readonly words: string[] }[];
  readonly free: string[];
}

/** `track:"Live Forever" artist:oasis remastered` → two filters and one free word. */
export function parseSearchQuery(q: string): ParsedQuery {
  const filters: ParsedQuery["filters"][number][] = [];
  const free: string[] = [];
  for (const match of q.matchAll(/(?:(\w+):)?(?:"([^"]*)"|(\S+))/g)) {
    const [, field, quoted, bare] = match;
    const value = quoted ?? bare ?? "";
    if (field) filters.push({ field: field.toLowerCase(), words: words(value) });
    else free.push(...words(value));
  }
  return { filters, free };
}

function containsAll(haystack: readonly string[], needles: readonly string[]): boolean {
  return needles.every((word) => haystack.includes(word));
}

function matches(track: CatalogTrack, query: ParsedQuery, catalog: Catalog): boolean {
  const title = words(track.name);
  const artists = track.artistIds.flatMap((id) => words(catalog.artists.get(id)?.name ?? ""));
  const album = words(catalog.albums.get(track.albumId)?.name ?? "");
  for (const filter of query.filters) {
    if (filter.field === "track" && !containsAll(title, filter.words)) return false;
    if (filter.field === "artist" && !containsAll(artists, filter.words)) return false;
    if (filter.field === "album" && !containsAll(album, filter.words)) return false;
    if (filter.field === "isrc" && (track.isrc ?? "").toLowerCase() !== filter.words.join("")) return false;
  }
  return containsAll([...title, ...artists, ...album], query.free);
}

export function routeSearch(query: URLSearchParams, catalog: Catalog, builders: Builders, rules: SearchPageRules) {
  if (query.get("type") !== "track")
    return Response.json({ error: { status: 400, message: "Bad search type field" } }, { status: 400 });
  const q = query.get("q") ?? "";
  if (!q.trim()) return Response.json({ error: { status: 400, message: "No search query" } }, { status: 400 });
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0);
  const limit = Math.min(rules.max, Math.max(1, Number(query.get("limit") ?? rules.fallback) || rules.fallback));
  const parsed = parseSearchQuery(q);
  const found = [...catalog.tracks.values()].filter((track) => matches(track, parsed, catalog));
  const market = query.get("market");
  const extra = `&q=${encodeURIComponent(q)}&type=track${market ? `&market=${encodeURIComponent(market)}` : ""}`;
  const items = found.slice(offset, offset + limit).map(builders.fullTrack);
  return Response.json({ tracks: builders.page("/search", items, offset, limit, found.length, extra) });
}
