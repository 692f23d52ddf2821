/** What every resolver needs: the transport, the shared track loader, the cache and settings. */
import type { TextRanking } from "musicdl/plugin";
import type { SpotifyCache } from "./cache.ts";
import type { SpotifyAlbum } from "./schemas.ts";
import type { PageLimits } from "./page-limits.ts";
import type { TokenProvider } from "./tokens.ts";
import type { TrackLoader } from "./track-loader.ts";
import type { SpotifyStats, SpotifyTransport } from "./transport.ts";

export interface ResolveContext {
  readonly transport: SpotifyTransport;
  readonly loader: TrackLoader;
  readonly cache: SpotifyCache;
  readonly stats: SpotifyStats;
  readonly tokens: TokenProvider;
  /** TTL of artist discography lists (`cache_ttl`). */
  readonly cacheTtlS: number;
  /** `market=XX` for app tokens when configured (user tokens use the user's country), or "". */
  readonly market: string;
  /**
   * What this run's library listings already said: each listed playlist's current snapshot (no probe needed) and
   * each saved album with its first track page (no `GET /albums/{id}` needed).
   */
  readonly listed: { readonly snapshots: Map<string, string>; readonly albums: Map<string, SpotifyAlbum> };
  /** The page size each list endpoint takes (smaller for Feb 2026 dev-mode apps, learned on refusal). */
  readonly pageLimits: PageLimits;
  /** `ctx.text`: the core's reading and ranking of plain-text searches. */
  readonly text: TextRanking;
}

/** Appends the market parameter to a path that may already have a query. */
export function withMarket(path: string, market: string): string {
  if (!market) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${market}`;
}
