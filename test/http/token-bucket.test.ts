import { describe, expect, test } from "bun:test";
import { fullJitterDelayMs } from "../../src/http/backoff.ts";
import { createPauseGate } from "../../src/http/pause-gate.ts";
import { createRequestLimiter } from "../../src/http/request-limiter.ts";
import { createTokenBucket } from "../../src/http/token-bucket.ts";
import { createFakeClock } from "../../fakes/spotify/fake-clock.ts";

describe("token bucket", () => {
  test("a burst up to capacity goes out at once, the next request waits for a refill", async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ capacity: 3, windowMs: 3000 }, clock);
    const start = clock.now();
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(clock.now()).toBe(start);
    await bucket.take();
    expect(clock.now() - start).toBe(1000);
  });

  test("ten requests through a 2-per-second bucket take 4 seconds of clock time", async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ capacity: 2, windowMs: 1000 }, clock);
    const start = clock.now();
    await Promise.all(Array.from({ length: 10 }, () => bucket.take()));
    expect(clock.now() - start).toBe(4000);
  });
});

describe("full-jitter backoff", () => {
  test.each([
    { attempt: 0, random: 0.999, want: 499 },
    { attempt: 3, random: 0.5, want: 2000 },
    { attempt: 10, random: 0.999, want: 29_970 },
    { attempt: 2, random: 0, want: 0 },
  ])("attempt $attempt with random $random waits $want ms", ({ attempt, random, want }) => {
    expect(fullJitterDelayMs(attempt, { baseMs: 500, capMs: 30_000, random: () => random })).toBe(want);
  });
});

describe("pause gate and limiter", () => {
  test("a longer pause is never cut short by a shorter one", async () => {
    const clock = createFakeClock();
    const gate = createPauseGate(clock);
    const start = clock.now();
    gate.pauseUntil(start + 5000);
    gate.pauseUntil(start + 1000);
    await gate.wait();
    expect(clock.now()).toBe(start + 5000);
  });

  test("no request starts while the limiter is paused", async () => {
    const clock = createFakeClock();
    const limiter = createRequestLimiter({ concurrency: 2, clock });
    const start = clock.now();
    limiter.gate.pauseUntil(start + 7000);
    const sentAt: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.run(async () => sentAt.push(clock.now()))));
    expect(sentAt.every((at) => at >= start + 7000)).toBe(true);
  });

  test("the concurrency cap holds", async () => {
    const limiter = createRequestLimiter({ concurrency: 2 });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        limiter.run(async () => {
          most = Math.max(most, ++running);
          await Bun.sleep(1);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });
});
