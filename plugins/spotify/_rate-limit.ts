/**
 * What a 429 does (issue 15: zero requests inside a Retry-After): its headers pause every request of the process the
 * moment they arrive; once its body is read it is judged, and either the pause stands (counted, logged) or the gate
 * closes for good (quota spent, a wait longer than spotify_max_wait, too many 429s) and every waiting request fails.
 */
import * as v from "valibot";
import type { PluginClock, PluginLogger, RateLimiter } from "musicdl/plugin";
import { parseRetryAfterS } from "./_answer.ts";
import { SpotifyRateLimitError, formatClockTime } from "./errors.ts";
import { ApiErrorBodySchema } from "./schemas.ts";

export interface RateLimitPolicyOptions {
  // Only what the policy reads, spelled here: importing the transport's types back would tie the two in a cycle.
  readonly settings: { readonly spotifyMaxRetries: number; readonly spotifyMaxWaitS: number };
  readonly clock: PluginClock;
  readonly limiter: RateLimiter;
  readonly stats: { waitedS: number; rateLimited: number };
  readonly emit: (event: { type: "rate-limit-wait"; seconds: number; until: number }) => void;
  /** Delay before retry number `attempt` when a 429 has no Retry-After. */
  readonly backoff: (attempt: number) => number;
  /** `ctx.log`: the pause is told as a warning. */
  readonly log: PluginLogger;
}

export interface RateLimitPolicy {
  /** `fetch` for ofetch: ofetch resolves only once it read the body, and the pause must not wait for that. */
  readonly fetch: typeof fetch;
  /** Judges a 429 (body read) before its request's slot is freed; returns the error that ends the run, if any. */
  judge(response: Response & { _data?: unknown }, failures: number): SpotifyRateLimitError | undefined;
}

export function createRateLimitPolicy(options: RateLimitPolicyOptions): RateLimitPolicy {
  const { settings, clock, limiter, stats } = options;
  /** When each 429's headers arrived: its pause counts from then, not from when its body was read. */
  const limitedAt = new WeakMap<Response, number>();
  /** The end of the longest pause announced (logged, counted) so far. */
  let announcedUntil = 0;

  const fetchPausingOn429 = Object.assign(async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.status === 429) {
      limitedAt.set(response, clock.now());
      const retryAfterS = parseRetryAfterS(response.headers.get("retry-after"), clock.now());
      if (retryAfterS !== undefined) limiter.gate.pauseUntil(clock.now() + retryAfterS * 1000);
    }
    return response;
  }, fetch);

  /** Pauses everything until `until`, counted (stats, event, log) from `fromMs`, when the 429 arrived. */
  function pauseUntil(fromMs: number, until: number): void {
    const waitMs = until - fromMs;
    limiter.gate.pauseUntil(until);
    const previous = Math.max(fromMs, announcedUntil);
    if (until <= previous) return;
    announcedUntil = until;
    stats.waitedS += (until - previous) / 1000;
    options.emit({ type: "rate-limit-wait", seconds: waitMs / 1000, until });
    options.log.warn(
      `Spotify asked for a pause; waiting ${Math.ceil(waitMs / 1000)} s (until ${formatClockTime(until)}).`,
    );
  }

  function judge(response: Response & { _data?: unknown }, failures: number): SpotifyRateLimitError | undefined {
    stats.rateLimited++;
    const arrivedAtMs = limitedAt.get(response) ?? clock.now();
    const body = v.safeParse(ApiErrorBodySchema, response._data);
    const retryAfterS = parseRetryAfterS(response.headers.get("retry-after"), arrivedAtMs);
    const resumeAtMs = (seconds: number | undefined) =>
      seconds === undefined ? undefined : arrivedAtMs + seconds * 1000;
    let error: SpotifyRateLimitError | undefined;
    if (body.success && body.output.error.reason === "QUOTA_EXCEEDED") {
      error = new SpotifyRateLimitError({ quota: true, retryAfterS, resumeAtMs: resumeAtMs(retryAfterS) });
    } else if (failures > settings.spotifyMaxRetries + 3) {
      error = new SpotifyRateLimitError({ quota: false, retryAfterS, resumeAtMs: resumeAtMs(retryAfterS ?? 60) });
    } else {
      const waitMs = retryAfterS === undefined ? options.backoff(failures - 1) : retryAfterS * 1000;
      if (waitMs > settings.spotifyMaxWaitS * 1000) {
        error = new SpotifyRateLimitError({
          retryAfterS: retryAfterS ?? Math.ceil(waitMs / 1000),
          resumeAtMs: arrivedAtMs + waitMs,
          quota: false,
          maxWaitS: settings.spotifyMaxWaitS,
        });
      } else {
        pauseUntil(arrivedAtMs, arrivedAtMs + waitMs);
      }
    }
    if (error) limiter.gate.close(error);
    return error;
  }

  return { fetch: fetchPausingOn429, judge };
}
