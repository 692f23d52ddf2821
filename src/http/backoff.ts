/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). */

export interface BackoffOptions {
  /** Delay ceiling of the first retry. */
  readonly baseMs: number;
  /** No delay is ever longer than this. */
  readonly capMs: number;
  /** Injectable for tests; defaults to Math.random. */
  readonly random?: () => number;
}

/**
 * Delay before retry number `attempt` (0 = first retry): uniform in [0, min(cap, base·2^attempt)].
 * Full jitter spreads retries of many callers apart instead of having them hit the server in lockstep.
 */
export function fullJitterDelayMs(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
