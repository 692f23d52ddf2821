/** A process-wide pause: after a 429, nobody sends a request until the pause has elapsed. */
import { type Clock, systemClock } from "../util/clock.ts";

export interface PauseGate {
  /** Epoch ms before which no request may start (0 when open). */
  pausedUntil(): number;
  /** Extends the pause to `untilMs`; a shorter pause never cuts a longer one short. */
  pauseUntil(untilMs: number): void;
  /** Resolves when the gate is open (immediately when it already is). */
  wait(signal?: AbortSignal): Promise<void>;
}

export function createPauseGate(clock: Clock = systemClock): PauseGate {
  let until = 0;
  return {
    pausedUntil: () => until,
    pauseUntil(untilMs) {
      if (untilMs > until) until = untilMs;
    },
    async wait(signal) {
      // Loop rather than sleep once: timers may fire a little early, and the pause may grow meanwhile.
      while (clock.now() < until) await clock.sleep(until - clock.now(), signal);
    },
  };
}
