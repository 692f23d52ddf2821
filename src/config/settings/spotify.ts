/** `download:` keys the Spotify client reads: credentials, market, pace, retries and its response cache's lifetime. */
import * as v from "valibot";
import { durationSchema } from "../durations.ts";
import { computedDefault, flag, text, wholeNumber } from "../rules.ts";
import type { SettingsContext } from "./context.ts";

/**
 * Spotify counts requests over a rolling 30-second window and publishes no number. The origin's 10 requests per
 * 1 s was bursty (10 at once, every second) and still hit 429 on long runs; 150 per 30 s averages 5/s yet smooths
 * bursts over the window Spotify itself measures. A file that sets either key keeps the origin's meaning.
 */
const SPOTIFY_RATE_DEFAULT = { requests: 150, windowS: 30 };
const SPOTIFY_RATE_ORIGIN = { requests: 10, windowS: 1 };

export const spotifyKeys = {
  client_id: v.nullish(text),
  client_secret: v.nullish(text),
  market: v.nullish(
    v.pipe(text, v.trim(), v.toUpperCase(), v.regex(/^[A-Z]{2}$/, "expected a two-letter country code like US or DE")),
  ),
  cache_ttl: v.nullish(durationSchema, 3600),
  spotify_max_retries: v.nullish(wholeNumber(0, 100), 3),
  spotify_retry_base_delay: v.nullish(durationSchema, 1),
  spotify_retry_max_delay: v.nullish(durationSchema, 120),
  spotify_rate_limit_enabled: v.nullish(flag, true),
  spotify_rate_limit_requests: v.pipe(
    v.nullish(wholeNumber(1)),
    computedDefault(String(SPOTIFY_RATE_DEFAULT.requests)),
  ),
  spotify_rate_limit_window: v.pipe(v.nullish(durationSchema), computedDefault(String(SPOTIFY_RATE_DEFAULT.windowS))),
  spotify_max_wait: v.nullish(durationSchema, 600),
  spotify_concurrency: v.nullish(wholeNumber(1, 64), 4),
};
const SpotifyKeysSchema = v.object(spotifyKeys);

/** The Spotify keys as the client reads them; the Spotify source lets its own environment variables win over these. */
export function spotifySettings(file: v.InferOutput<typeof SpotifyKeysSchema>, _context: SettingsContext) {
  const rateWritten = file.spotify_rate_limit_requests != null || file.spotify_rate_limit_window != null;
  const rate = rateWritten ? SPOTIFY_RATE_ORIGIN : SPOTIFY_RATE_DEFAULT;
  const clientId = credential(file.client_id);
  const clientSecret = credential(file.client_secret);
  return {
    ...(clientId === undefined ? {} : { clientId }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
    /** Spotify market (ISO country) passed with client-credentials tokens. */
    ...(file.market ? { market: file.market } : {}),
    cacheTtlS: file.cache_ttl,
    spotifyMaxRetries: file.spotify_max_retries,
    spotifyRetryBaseDelayS: file.spotify_retry_base_delay,
    spotifyRetryMaxDelayS: file.spotify_retry_max_delay,
    spotifyRateLimitEnabled: file.spotify_rate_limit_enabled,
    spotifyRateLimitRequests: file.spotify_rate_limit_requests ?? rate.requests,
    spotifyRateLimitWindowS: file.spotify_rate_limit_window ?? rate.windowS,
    /** Longest Retry-After musicdl sits out before stopping with exit 3. */
    spotifyMaxWaitS: file.spotify_max_wait,
    /** Concurrent Spotify requests at most. */
    spotifyConcurrency: file.spotify_concurrency,
  } as const;
}
export type SpotifySettings = ReturnType<typeof spotifySettings>;

/** Trimmed, or undefined when blank: a stray space must not become part of the secret. */
function credential(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
