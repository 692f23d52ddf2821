/**
 * The HttpClient every plugin gets as `ctx.http`: one request budget (`download_rate_limit_requests` per
 * `download_rate_limit_window`) and one bandwidth cap (`download_bandwidth_limit` bytes/s) shared by all provider
 * searches and downloads of a run, whichever plugin sends them.
 */
import type { ProviderHttpSettings } from "../config/types.ts";
import type { HttpClient } from "../plugins/api.ts";
import { type Clock, systemClock } from "../util/clock.ts";
import { createTokenBucket } from "./token-bucket.ts";

export interface PluginHttpOptions {
  /** Requests per window; omit for no request budget. */
  readonly requests?: { readonly perWindow: number; readonly windowMs: number };
  /** Response body bytes per second across all responses together; omit (or 0) for no cap. */
  readonly bytesPerSecond?: number;
  readonly clock?: Clock;
  readonly fetch?: HttpClient["fetch"];
}

/** The limits a run's config asks for. */
export function pluginHttpOptionsFrom(settings: ProviderHttpSettings): PluginHttpOptions {
  return {
    ...(settings.downloadRateLimitEnabled
      ? {
          requests: {
            perWindow: settings.downloadRateLimitRequests,
            windowMs: settings.downloadRateLimitWindowS * 1000,
          },
        }
      : {}),
    ...(settings.downloadBandwidthLimit ? { bytesPerSecond: settings.downloadBandwidthLimit } : {}),
  };
}

export function createPluginHttpClient(options: PluginHttpOptions = {}): HttpClient {
  const clock = options.clock ?? systemClock;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const bucket = options.requests
    ? createTokenBucket({ capacity: options.requests.perWindow, windowMs: options.requests.windowMs }, clock)
    : undefined;
  const throttle = options.bytesPerSecond ? createBandwidthThrottle(options.bytesPerSecond, clock) : undefined;
  return {
    async fetch(input, init) {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
      if (isLoopback(input)) return send(input, init);
      await bucket?.take(signal);
      const response = await send(input, init);
      return throttle && response.body ? throttle.wrap(response, signal) : response;
    },
  };
}

/**
 * The limits keep a run under a remote service's radar; a provider on this machine (the offline fakes, a local
 * mirror or caching proxy) has no such radar, and pacing it would only make every offline run slow.
 */
function isLoopback(input: string | URL | Request): boolean {
  const url = input instanceof Request ? input.url : String(input);
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

export interface BandwidthThrottle {
  /** Resolves once `bytes` fit the budget; callers are served in order, so one big reader cannot starve the rest. */
  consume(bytes: number, signal?: AbortSignal): Promise<void>;
  /** The same response, its body paced through `consume`. */
  wrap(response: Response, signal?: AbortSignal): Response;
}

/**
 * A byte budget refilled at `bytesPerSecond` (at most one second's worth banked). A chunk larger than what is left
 * goes through and puts the budget in debt, which the next reader waits out: the average stays at the cap without
 * splitting chunks.
 */
export function createBandwidthThrottle(bytesPerSecond: number, clock: Clock = systemClock): BandwidthThrottle {
  let available = bytesPerSecond;
  let refilledAt = clock.now();
  let queue: Promise<void> = Promise.resolve();

  const consume = (bytes: number, signal?: AbortSignal) => {
    const turn = queue.then(async () => {
      const now = clock.now();
      available = Math.min(bytesPerSecond, available + ((now - refilledAt) / 1000) * bytesPerSecond);
      refilledAt = now;
      available -= bytes;
      if (available < 0) await clock.sleep(Math.ceil((-available / bytesPerSecond) * 1000), signal);
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  return {
    consume,
    wrap(response, signal) {
      const paced = response.body!.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          async transform(chunk, controller) {
            await consume(chunk.byteLength, signal);
            controller.enqueue(chunk);
          },
        }),
      );
      const wrapped = new Response(paced, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // youtubei.js reads `url` (error messages, streaming info); a constructed Response has none of its own.
      Object.defineProperty(wrapped, "url", { value: response.url });
      return wrapped;
    },
  };
}
