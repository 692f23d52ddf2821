/** `download:` keys the Spotify client reads: credentials, market, pace, retries and its response cache's lifetime. */
import * as v from "valibot";
import { durationSchema } from "../durations.ts";
import { computedDefault, flag, text, wholeNumber } from "../rules.ts";
import type { SettingsContext } from "./context.ts";

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
  // Left unset, the pace is the Spotify source's own (plugins/spotify/settings.ts); the words are the docs' default.
  spotify_rate_limit_requests: v.pipe(v.nullish(wholeNumber(1)), computedDefault("150")),
  spotify_rate_limit_window: v.pipe(v.nullish(durationSchema), computedDefault("30")),
  spotify_max_wait: v.nullish(durationSchema, 600),
  spotify_concurrency: v.nullish(wholeNumber(1, 64), 4),
};
const SpotifyKeysSchema = v.object(spotifyKeys);

/** The Spotify keys as the client reads them; the Spotify source lets its own environment variables win over these. */
export function spotifySettings(file: v.InferOutput<typeof SpotifyKeysSchema>, _context: SettingsContext) {
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
    // As written; the source decides the pace of a key left out.
    ...(file.spotify_rate_limit_requests == null ? {} : { spotifyRateLimitRequests: file.spotify_rate_limit_requests }),
    ...(file.spotify_rate_limit_window == null ? {} : { spotifyRateLimitWindowS: file.spotify_rate_limit_window }),
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
