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

/**
 * Spotify counts requests over a rolling 30-second window and publishes no number. The origin's 10 requests per
 * 1 s was bursty (10 at once, every second) and still hit 429 on long runs; 150 per 30 s averages 5/s yet smooths
 * bursts over the window Spotify itself measures. A config that sets either key keeps the origin's meaning.
 */
export const RATE_DEFAULT = { requests: 150, windowS: 30 } as const;
export const RATE_ORIGIN = { requests: 10, windowS: 1 } as const;

/**
 * What the core gives a plugin untyped (`ctx.settings`), read as the settings above, with the app credentials:
 * `SPOTIFY_CLIENT_ID` / `SPOTIFY_CLIENT_SECRET` from the environment win over the config's (`ctx.credentials`),
 * trimmed, since a stray space in an env file must not become part of the secret. The secret is registered at once.
 */
export function readSpotifySettings(
  settings: Readonly<Record<string, unknown>>,
  credentials: { readonly clientId?: string; readonly clientSecret?: string },
  env: Readonly<Record<string, string | undefined>>,
  registerSecret: (value: string) => void,
): SpotifySettings {
  const clientId = trimmed(env.SPOTIFY_CLIENT_ID) ?? credentials.clientId;
  const clientSecret = trimmed(env.SPOTIFY_CLIENT_SECRET) ?? credentials.clientSecret;
  if (clientSecret) registerSecret(clientSecret);
  const { clientId: _id, clientSecret: _secret, ...rest } = settings as unknown as SpotifySettings;
  const written = settings as { spotifyRateLimitRequests?: number; spotifyRateLimitWindowS?: number };
  const rate =
    written.spotifyRateLimitRequests != null || written.spotifyRateLimitWindowS != null ? RATE_ORIGIN : RATE_DEFAULT;
  return {
    ...rest,
    spotifyRateLimitRequests: written.spotifyRateLimitRequests ?? rate.requests,
    spotifyRateLimitWindowS: written.spotifyRateLimitWindowS ?? rate.windowS,
    ...(clientId === undefined ? {} : { clientId }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
  };
}

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
