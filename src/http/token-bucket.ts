/** A token bucket: at most `capacity` requests per `windowMs`, refilled continuously, waiters served in order. */
import { type Clock, systemClock } from "../util/clock.ts";

export interface TokenBucketOptions {
  /** Requests allowed per window (also the burst size). */
  readonly capacity: number;
  readonly windowMs: number;
}

export interface TokenBucket {
  /** Resolves once a token is taken; callers are served first come, first served. */
  take(signal?: AbortSignal): Promise<void>;
}

export function createTokenBucket(options: TokenBucketOptions, clock: Clock = systemClock): TokenBucket {
  const capacity = Math.max(1, options.capacity);
  const msPerToken = options.windowMs / capacity;
  let tokens = capacity;
  let refilledAt = clock.now();
  // One chain of turns keeps the order fair: a late caller never overtakes one already sleeping.
  let queue: Promise<void> = Promise.resolve();

  function refill(): void {
    const now = clock.now();
    tokens = Math.min(capacity, tokens + (now - refilledAt) / msPerToken);
    refilledAt = now;
  }

  return {
    take(signal) {
      const turn = queue.then(async () => {
        refill();
        while (tokens < 1) {
          await clock.sleep(Math.ceil((1 - tokens) * msPerToken), signal);
          refill();
        }
        tokens -= 1;
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
