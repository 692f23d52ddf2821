/**
 * The Spotify Web API client the Spotify source resolves with: raw ofetch (`retry: 0`), its own rate limiter
 * (from `ctx.rateLimiter`), app or user tokens, a cache (`ctx.cache`), and counters for --debug/--json.
 *
 * @example
 * ```ts
 * const spotify = createSpotifyClient({ settings, cache: ctx.cache, authFile: ctx.authFile, ...ctx });
 * const source = await spotify.resolve(parseSpotifyUrl(url)!);
 * ```
 */
import type {
  PluginClock,
  PluginLogger,
  RateLimiter,
  RateLimiterOptions,
  ResolvedSource,
  TextRanking,
} from "musicdl/plugin";
import { readAuthFile } from "./auth-file.ts";
import type { SpotifyCache } from "./cache.ts";
import { SpotifyCredentialsMissingError, withSource } from "./errors.ts";
import { type LibraryExpansion, expandLibrary } from "./expand-library.ts";
import { createPageLimits } from "./page-limits.ts";
import { resolveAlbum, resolveArtist, resolveTrack } from "./resolve-album.ts";
import type { ResolveContext } from "./resolve-context.ts";
import { resolvePlaylist, resolveSaved } from "./resolve-playlist.ts";
import { type TextResolution, resolveText } from "./resolve-text.ts";
import type { SpotifySettings } from "./settings.ts";
import { type TokenProvider, createClientCredentialsProvider, createUserTokenProvider } from "./tokens.ts";
import { createTrackLoader } from "./track-loader.ts";
import { type SpotifyEvent, type SpotifyStats, createSpotifyTransport } from "./transport.ts";
import { type LibraryKind, type SpotifyRef, isLibraryKind, spotifyUrlOf } from "./url.ts";

export type { SpotifyCache } from "./cache.ts";
export type { LibraryChild, LibraryExpansion } from "./expand-library.ts";
export type { SpotifyEvent, SpotifyStats } from "./transport.ts";
export type { TextResolution } from "./resolve-text.ts";

export const DEFAULT_API_URL = "https://api.spotify.com/v1";
export const DEFAULT_ACCOUNTS_URL = "https://accounts.spotify.com";

export interface SpotifyClientOptions {
  readonly settings: SpotifySettings;
  /** Default: $MUSICDL_SPOTIFY_API_URL, else https://api.spotify.com/v1. */
  readonly apiUrl?: string;
  /** Default: $MUSICDL_SPOTIFY_ACCOUNTS_URL, else https://accounts.spotify.com. */
  readonly accountsUrl?: string;
  readonly clock: PluginClock;
  /** `ctx.cache`. */
  readonly cache: SpotifyCache;
  /** Where `musicdl auth login` stored the user login (`ctx.authFile`). */
  readonly authFile: string;
  readonly onEvent?: (event: SpotifyEvent) => void;
  /** `ctx.rateLimiter`: the gate every Web API request passes (concurrency, token bucket, 429 pause). */
  rateLimiter(options: RateLimiterOptions): RateLimiter;
  /** `ctx.backoffMs`: the wait before a retry. */
  backoffMs(attempt: number, options: { readonly baseMs: number; readonly capMs: number }): number;
  /** Per-request timeout in ms (default 30 s). */
  readonly timeoutMs?: number;
  /** `ctx.registerSecret`: credentials and tokens are redacted wherever they would appear. */
  registerSecret(value: string): void;
  /** `ctx.text`: the core reads plain-text searches and picks among Spotify's answers. */
  readonly text: TextRanking;
  /** `ctx.log`. */
  readonly log: PluginLogger;
}

export interface SpotifyClient {
  /** Tracks of a track/album/playlist/artist/saved reference, in Spotify's order. Errors name the source URL. */
  resolve(ref: SpotifyRef, opts?: { signal?: AbortSignal }): Promise<ResolvedSource>;
  /** The albums, artists or playlists a library keyword (`saved-albums`…) stands for; resolve each like a link. */
  expand(kind: LibraryKind, opts?: { signal?: AbortSignal }): Promise<LibraryExpansion>;
  /**
   * The one track plain text ("Artist - Title") names, through Spotify search. Throws an exit-2 error naming the
   * candidates when several recordings fit, or what was searched when none does.
   */
  resolveText(text: string, opts?: { signal?: AbortSignal }): Promise<TextResolution>;
  /** A snapshot of the counters. */
  stats(): SpotifyStats;
  /** `user` after `musicdl auth login`, else `app` (client credentials). Throws when neither is configured. */
  tokenKind(): "app" | "user";
}

export function createSpotifyClient(options: SpotifyClientOptions): SpotifyClient {
  const settings = options.settings;
  const clock = options.clock;
  const apiUrl = trimSlash(options.apiUrl ?? process.env.MUSICDL_SPOTIFY_API_URL ?? DEFAULT_API_URL);
  const accountsUrl = trimSlash(
    options.accountsUrl ?? process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL ?? DEFAULT_ACCOUNTS_URL,
  );
  const cache = options.cache;
  const stats: SpotifyStats = { requests: 0, retries: 0, rateLimited: 0, waitedS: 0, cacheHits: 0 };
  const limiter = options.rateLimiter({
    concurrency: settings.spotifyConcurrency,
    ...(settings.spotifyRateLimitEnabled
      ? {
          requests: { perWindow: settings.spotifyRateLimitRequests, windowMs: settings.spotifyRateLimitWindowS * 1000 },
        }
      : {}),
  });
  let context: ResolveContext | undefined;

  // Built on first use, so commands that never touch Spotify do not need credentials.
  function getContext(): ResolveContext {
    if (context) return context;
    const tokens = createTokens(options, settings, accountsUrl, clock);
    const pageLimits = createPageLimits(cache);
    const transport = createSpotifyTransport({
      apiUrl,
      settings,
      clock,
      tokens,
      limiter,
      stats,
      onEvent: options.onEvent,
      backoffMs: options.backoffMs,
      timeoutMs: options.timeoutMs ?? 30_000,
      pageLimits,
      log: options.log,
    });
    const market = tokens.kind === "app" && settings.market ? `market=${encodeURIComponent(settings.market)}` : "";
    const loader = createTrackLoader({
      transport,
      cache,
      stats,
      marketQuery: () => (market ? `&${market}` : ""),
      onEvent: options.onEvent,
    });
    const listed = { snapshots: new Map(), albums: new Map() };
    context = {
      transport,
      loader,
      cache,
      stats,
      tokens,
      cacheTtlS: settings.cacheTtlS,
      market,
      pageLimits,
      listed,
      text: options.text,
    };
    return context;
  }

  return {
    async resolve(ref, opts = {}) {
      const ctx = getContext();
      if (isLibraryKind(ref.kind)) throw new Error(`${ref.kind} is expanded with expand(), not resolved`);
      const sourceUrl = ref.kind === "saved" ? "saved tracks" : spotifyUrlOf(ref.kind, ref.id);
      try {
        switch (ref.kind) {
          case "track":
            return await resolveTrack(ctx, ref.id, opts.signal);
          case "album":
            return await resolveAlbum(ctx, ref.id, opts.signal);
          case "playlist":
            return await resolvePlaylist(ctx, ref.id, opts.signal);
          case "artist":
            return await resolveArtist(ctx, ref.id, opts.signal);
          case "saved":
            return await resolveSaved(ctx, opts.signal);
        }
      } catch (error) {
        throw withSource(error, sourceUrl);
      }
    },
    // Failures name the word themselves (or the plan does, with its line): no `kind:` prefix here.
    expand: (kind, opts = {}) => expandLibrary(getContext(), kind, opts.signal),
    resolveText: (text, opts = {}) => resolveText(getContext(), text, opts.signal),
    stats: () => ({ ...stats }),
    tokenKind: () => getContext().tokens.kind,
  };
}

function createTokens(
  options: SpotifyClientOptions,
  settings: SpotifySettings,
  accountsUrl: string,
  clock: PluginClock,
): TokenProvider {
  const authFile = options.authFile;
  const stored = readAuthFile(authFile);
  const { registerSecret } = options;
  if (stored) return createUserTokenProvider({ accountsUrl, auth: stored, authFile, clock, registerSecret });
  const missing = [
    ...(settings.clientId ? [] : ["SPOTIFY_CLIENT_ID"]),
    ...(settings.clientSecret ? [] : ["SPOTIFY_CLIENT_SECRET"]),
  ];
  if (missing.length > 0 || !settings.clientId || !settings.clientSecret)
    throw new SpotifyCredentialsMissingError(missing);
  return createClientCredentialsProvider({
    accountsUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    clock,
    registerSecret,
  });
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
