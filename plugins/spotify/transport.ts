/**
 * GETs against the Web API with musicdl's own retry policy: one global pause per 429 (Retry-After, else full-jitter
 * backoff; see _rate-limit.ts), retries for 5xx and dropped connections, one token refresh on 401, one smaller page
 * on `400 Invalid limit`, typed errors for the rest.
 */
import { ofetch } from "ofetch";
import * as v from "valibot";
import type { PluginClock, PluginLogger, RateLimiter } from "musicdl/plugin";
import { errorFor, networkReason, parseBody, relativePath, withTimeout } from "./_answer.ts";
import { createRateLimitPolicy } from "./_rate-limit.ts";
import { SpotifyApiError, SpotifyRateLimitError } from "./errors.ts";
import { isInvalidLimit, type PageLimits } from "./page-limits.ts";
import { ApiErrorBodySchema } from "./schemas.ts";
import type { SpotifySettings } from "./settings.ts";
import type { TokenProvider } from "./tokens.ts";

export type SpotifyEvent =
  | { type: "request"; path: string }
  | { type: "rate-limit-wait"; seconds: number; until: number }
  | { type: "retry"; path: string; reason: string; delayMs: number }
  | { type: "batch-unavailable" };

export interface SpotifyStats {
  /** Web API requests sent, retries included (token requests not counted). */
  requests: number;
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Seconds the whole process sat paused by 429s. */
  waitedS: number;
  cacheHits: number;
}

export type SpotifyRetrySettings = Pick<
  SpotifySettings,
  "spotifyMaxRetries" | "spotifyRetryBaseDelayS" | "spotifyRetryMaxDelayS" | "spotifyMaxWaitS"
>;

export interface SpotifyTransportOptions {
  readonly apiUrl: string;
  readonly settings: SpotifyRetrySettings;
  readonly clock: PluginClock;
  readonly tokens: TokenProvider;
  readonly limiter: RateLimiter;
  readonly stats: SpotifyStats;
  readonly onEvent?: (event: SpotifyEvent) => void;
  /** The wait before a retry (`ctx.backoffMs`: full jitter). */
  readonly backoffMs: (attempt: number, options: { readonly baseMs: number; readonly capMs: number }) => number;
  /** Per-request timeout; a timed-out request is retried like a dropped connection. */
  readonly timeoutMs?: number;
  /** Page sizes to fit list requests to, and to lower on `400 Invalid limit`. */
  readonly pageLimits?: PageLimits;
  /** `ctx.log`: retries and pauses at debug and warn level. */
  readonly log: PluginLogger;
}

export interface SpotifyTransport {
  /** GETs a path below the API root (or an absolute `next` URL) and validates the answer. */
  get<T extends v.GenericSchema>(pathOrUrl: string, schema: T, signal?: AbortSignal): Promise<v.InferOutput<T>>;
}

// ofetch's own retry ignores Retry-After, so it is off; this file decides when to retry.
// Plain JSON.parse, not ofetch's default destr: destr scans every body with __proto__/constructor regexes, which was
// a third of a cold plan's CPU in bench/plan.ts. JSON.parse never sets a prototype (a "__proto__" key stays an own
// property) and valibot keeps only the keys a schema names. A body that is not JSON stays text, as with destr.
const OFETCH_OPTIONS = { retry: 0, ignoreResponseError: true, parseResponse: parseJsonOrText } as const;
type RawResponse = Awaited<ReturnType<ReturnType<typeof ofetch.create>["raw"]>>;

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createSpotifyTransport(options: SpotifyTransportOptions): SpotifyTransport {
  const { settings, clock, stats, limiter } = options;
  const emit = options.onEvent ?? (() => undefined);
  const backoff = (attempt: number) =>
    options.backoffMs(attempt, {
      baseMs: settings.spotifyRetryBaseDelayS * 1000,
      capMs: settings.spotifyRetryMaxDelayS * 1000,
    });
  const rateLimits = createRateLimitPolicy({ settings, clock, limiter, stats, emit, backoff, log: options.log });
  const http = ofetch.create(OFETCH_OPTIONS, { fetch: rateLimits.fetch });

  function get<T extends v.GenericSchema>(
    pathOrUrl: string,
    schema: T,
    signal?: AbortSignal,
  ): Promise<v.InferOutput<T>> {
    const path = relativePath(pathOrUrl);
    const pageLimits = options.pageLimits;
    return pageLimits ? pageLimits.probing(path, (fitted) => send(fitted, schema, signal)) : send(path, schema, signal);
  }

  async function send<T extends v.GenericSchema>(
    fittedPath: string,
    schema: T,
    signal?: AbortSignal,
  ): Promise<v.InferOutput<T>> {
    let path = fittedPath;
    let url = `${options.apiUrl}${path}`;
    let failures = 0;
    let refreshedToken = false;
    let loweredLimit = false;
    for (;;) {
      const token = await options.tokens.get(signal);
      let response: RawResponse;
      let rateLimitError: SpotifyRateLimitError | undefined;
      try {
        response = await limiter.run(async () => {
          stats.requests++;
          emit({ type: "request", path });
          const answer = await http.raw(url, {
            headers: { authorization: `Bearer ${token}` },
            signal: withTimeout(signal, options.timeoutMs),
          });
          // Judged inside the slot: a queued request took the freed slot before the pause was set (issue 15).
          if (answer.status === 429) rateLimitError = rateLimits.judge(answer, ++failures);
          return answer;
        }, signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        // The gate closed on a 429 musicdl will not sit out: this request fails with it, unsent.
        if (error instanceof SpotifyRateLimitError) throw error;
        // Dropped connection or timeout. Never log the FetchError itself: its options hold the bearer token.
        if (++failures > settings.spotifyMaxRetries) {
          throw new SpotifyApiError(
            0,
            path,
            `could not reach Spotify for GET ${path} after ${failures} attempts (${networkReason(error)}).`,
            {
              hint: "Check the network connection and run again; finished items are kept.",
            },
          );
        }
        await retryAfterBackoff(path, networkReason(error), failures, signal);
        continue;
      }
      const status = response.status;
      if (status >= 200 && status < 300) return parseBody(schema, response._data, path);
      const body = v.safeParse(ApiErrorBodySchema, response._data);
      const message = body.success ? body.output.error.message : "";
      if (status === 401 && !refreshedToken) {
        // Expired or revoked token: one transparent refresh, then the request again.
        refreshedToken = true;
        options.tokens.invalidate(token);
        stats.retries++;
        continue;
      }
      if (status === 429) {
        if (rateLimitError) throw rateLimitError;
        stats.retries++;
        continue;
      }
      if (status >= 500) {
        if (++failures > settings.spotifyMaxRetries) {
          throw new SpotifyApiError(
            status,
            path,
            `Spotify kept failing with HTTP ${status} for GET ${path} (${failures} attempts).`,
            {
              hint: "Spotify is having trouble; run again later and it resumes.",
            },
          );
        }
        await retryAfterBackoff(path, `HTTP ${status}`, failures, signal);
        continue;
      }
      if (!loweredLimit && isInvalidLimit(status, message)) {
        // A Feb 2026 dev-mode app: once with the smaller documented page size, which the next requests keep.
        const lowered = options.pageLimits?.lowerAfterRefusal(path);
        if (lowered) {
          options.log.debug(`Spotify GET ${path}: page size refused; asking for pages of the 2026 maximum instead`);
          loweredLimit = true;
          path = lowered;
          url = `${options.apiUrl}${path}`;
          stats.retries++;
          continue;
        }
      }
      throw errorFor(status, path, message);
    }
  }

  async function retryAfterBackoff(
    path: string,
    reason: string,
    failures: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const delayMs = backoff(failures - 1);
    stats.retries++;
    emit({ type: "retry", path, reason, delayMs });
    options.log.debug(`Spotify GET ${path}: ${reason}; retry ${failures} in ${delayMs} ms`);
    await clock.sleep(delayMs, signal);
  }

  return { get };
}
