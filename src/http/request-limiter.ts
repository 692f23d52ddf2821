/** The one gate every Spotify request passes: a concurrency cap, the global 429 pause, then the token bucket. */
import pLimit from "p-limit";
import { type Clock, systemClock } from "../util/clock.ts";
import { createPauseGate, type PauseGate } from "./pause-gate.ts";
import type { TokenBucket } from "./token-bucket.ts";

export interface RequestLimiterOptions {
  readonly concurrency: number;
  /** Omit to send without a request budget (rate limiting disabled in config). */
  readonly bucket?: TokenBucket;
  readonly clock?: Clock;
}

export interface RequestLimiter {
  readonly gate: PauseGate;
  /**
   * Runs `send` once it may go out; all concurrent callers share the same limits. The slot is freed only when
   * `send` settles, so a pause `send` sets on a 429 holds before the next queued request can start.
   */
  run<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export function createRequestLimiter(options: RequestLimiterOptions): RequestLimiter {
  const clock = options.clock ?? systemClock;
  const limit = pLimit(Math.max(1, options.concurrency));
  const gate = createPauseGate(clock);
  return {
    gate,
    run(send, signal) {
      return limit(async () => {
        for (;;) {
          await gate.wait(signal);
          await options.bucket?.take(signal);
          // A 429 may have arrived while we waited for a token: then wait again rather than send into the pause.
          if (gate.isOpen()) break;
        }
        signal?.throwIfAborted();
        return send();
      });
    },
  };
}
