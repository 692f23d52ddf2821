/**
 * A process-wide pause: after a 429, nobody sends a request until the pause has elapsed; after a 429 musicdl will
 * not sit out (quota spent, Retry-After too long), the gate closes and every waiting or later request fails with it.
 */
import { type Clock, systemClock } from "../util/clock.ts";

export interface PauseGate {
  /** Epoch ms before which no request may start (0 when open). */
  pausedUntil(): number;
  /** Extends the pause to `untilMs`; a shorter pause never cuts a longer one short. */
  pauseUntil(untilMs: number): void;
  /** From now on `wait` rejects with `reason`, waiters already sleeping included; the first reason stays. */
  close(reason: unknown): void;
  /** True when a request may start this instant: not closed, no pause running. */
  isOpen(): boolean;
  /** Resolves when the gate is open (immediately when it already is); rejects once it is closed. */
  wait(signal?: AbortSignal): Promise<void>;
}

export function createPauseGate(clock: Clock = systemClock): PauseGate {
  let until = 0;
  let closed: { reason: unknown } | undefined;
  const closing = new AbortController();
  const closedReason = () => closed;
  return {
    pausedUntil: () => until,
    pauseUntil(untilMs) {
      if (untilMs > until) until = untilMs;
    },
    close(reason) {
      if (closed) return;
      closed = { reason };
      closing.abort(reason);
    },
    isOpen: () => !closed && clock.now() >= until,
    async wait(signal) {
      const stop = signal ? AbortSignal.any([signal, closing.signal]) : closing.signal;
      // Loop rather than sleep once: timers may fire a little early, and the pause may grow meanwhile.
      for (;;) {
        if (closed) throw closed.reason;
        if (clock.now() >= until) return;
        try {
          await clock.sleep(until - clock.now(), stop);
        } catch (error) {
          const reason = closedReason();
          if (reason && !signal?.aborted) throw reason.reason;
          throw error;
        }
      }
    },
  };
}
