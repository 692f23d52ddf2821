/**
 * Issue 15, finding 5: zero requests inside a Retry-After. The fake's request log marks every request that arrived
 * after a 429 had been answered and before that 429's Retry-After had elapsed; a fake clock shared by client and
 * fake makes the pauses cost no real time and the log's times exact. One request in flight at a time, so nothing
 * was on its way before the 429 arrived: every marked request would have been sent into the pause.
 */
import { describe, expect, test } from "bun:test";
import { EXIT } from "../../src/errors.ts";
import { createCatalog, createFakeClock, type Fault, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable } from "../helpers/spotify.ts";

const catalog = () =>
  createCatalog({
    seed: 15,
    artists: [{ albums: 6, singles: 4, tracksPerAlbum: [4, 8] }],
    playlists: [{ size: 60 }, { size: 45 }],
  });

async function resolveUnder(
  switches: { rateLimit?: { requests: number; windowS: number }; faults?: Fault[] },
  concurrency = 1,
) {
  const clock = createFakeClock();
  const cat = catalog();
  await using fake = disposable(startFakeSpotify({ catalog: cat, now: clock.now, switches }));
  const client = clientFor(fake, {
    clock,
    settings: { spotifyConcurrency: concurrency, spotifyMaxWaitS: 600, spotifyMaxRetries: 50 },
  });
  const sources = [
    ...[...cat.playlists.keys()].map((id) => ({ kind: "playlist" as const, id })),
    { kind: "artist" as const, id: cat.mainArtistIds[0]! },
  ];
  const results = await Promise.allSettled(sources.map((source) => client.resolve(source)));
  // A source that failed leaves its siblings' requests running: give any that would still go out time to arrive.
  await Bun.sleep(200);
  const log = fake.apiRequests();
  return {
    clock,
    results,
    tracks: results.reduce((sum, r) => sum + (r.status === "fulfilled" ? r.value.tracks.length : 0), 0),
    limited: log.filter((entry) => entry.status === 429).length,
    inside: log.filter((entry) => entry.insideRetryAfter).map((entry) => `${entry.path} at ${entry.at}`),
  };
}

describe("a 429 storm", () => {
  test("10 requests per 5 s: every pause is sat out with nothing sent inside it, and nothing is lost", async () => {
    const run = await resolveUnder({ rateLimit: { requests: 10, windowS: 5 } });
    expect(run.results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(run.limited).toBeGreaterThan(0);
    expect(run.tracks).toBeGreaterThan(100);
    expect(run.inside).toEqual([]);
  });

  test("the pause starts when a 429's headers arrive: no request goes out while its body is still on the way", async () => {
    // Two in flight: one answered 100 ms late, one 429 whose body comes 300 ms after its headers. The late answer
    // frees its slot while that body is still on the way; the next request must wait for the pause, not take it.
    const run = await resolveUnder(
      {
        faults: [
          { kind: "slow", delayMs: 100, path: "/v1/albums", after: 2 },
          { kind: "429", retryAfterS: 5, path: "/v1/albums", after: 2, bodyDelayMs: 300 },
        ],
      },
      2,
    );
    expect(run.results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(run.limited).toBe(1);
    expect(run.inside).toEqual([]);
  });

  test("a Retry-After longer than spotify_max_wait stops every unfinished source with exit 3, with nothing sent after it", async () => {
    const run = await resolveUnder({ faults: [{ kind: "429", retryAfterS: 3600, path: "/v1/albums", after: 1 }] });
    const reasons = run.results.flatMap((r) => (r.status === "rejected" ? [r.reason.exitCode] : []));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons).toEqual(reasons.map(() => EXIT.RESUME_LATER));
    expect(run.limited).toBe(1);
    expect(run.inside).toEqual([]);
    // Nothing sat out a backoff either: the waiting requests failed at once, unsent.
    expect(run.clock.sleeps).toEqual([]);
  });

  test("a spent quota (QUOTA_EXCEEDED) stops every unfinished source, with nothing sent after it", async () => {
    const run = await resolveUnder({ faults: [{ kind: "quota", retryAfterS: 86_400, path: "/v1/albums", after: 1 }] });
    expect(run.results.filter((r) => r.status === "rejected").length).toBeGreaterThan(0);
    expect(run.limited).toBe(1);
    expect(run.inside).toEqual([]);
  });
});
