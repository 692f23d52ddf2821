/**
 * The `download:` settings the Spotify source reads (docs/config.md: `spotify_*`, `market`, `cache_ttl`), as the
 * core hands them over in `ctx.settings`, plus the app credentials from `ctx.credentials`.
 */
export interface SpotifySettings {
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** ISO country code for app-token requests; undefined = Spotify's default. */
  readonly market?: string;
  /** Seconds a list that can change (an artist's albums, a playlist's snapshot id, search answers) is trusted. */
  readonly cacheTtlS: number;
  readonly spotifyConcurrency: number;
  readonly spotifyMaxRetries: number;
  readonly spotifyRetryBaseDelayS: number;
  readonly spotifyRetryMaxDelayS: number;
  readonly spotifyMaxWaitS: number;
  readonly spotifyRateLimitEnabled: boolean;
  readonly spotifyRateLimitRequests: number;
  readonly spotifyRateLimitWindowS: number;
  /** `metadata` re-reads tracks and albums (see withFreshTracksAndAlbums). */
  readonly overwrite?: string;
}

/** What the core gives a plugin untyped (`ctx.settings`), read as the settings above. */
export function readSpotifySettings(
  settings: Readonly<Record<string, unknown>>,
  credentials: { readonly clientId?: string; readonly clientSecret?: string },
): SpotifySettings {
  return { ...(settings as unknown as SpotifySettings), ...credentials };
}
