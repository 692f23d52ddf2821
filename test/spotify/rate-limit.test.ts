import { describe, expect, test } from "bun:test";
import { EXIT } from "../../src/errors.ts";
import type { SpotifyEvent } from "../../plugins/spotify/client.ts";
import { formatClockTime } from "../../plugins/spotify/errors.ts";
import { SMALL, createFakeClock, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { type TestClient, clientFor, disposable } from "../helpers/spotify.ts";

/** Three sources at once, so other callers are waiting while one request hits the limit. */
async function resolveAll(client: TestClient) {
  return Promise.all([
    client.resolve({ kind: "album", id: SMALL.albumId }),
    client.resolve({ kind: "artist", id: SMALL.artistId }),
    client.resolve({ kind: "playlist", id: SMALL.playlistId }),
  ]);
}

async function cleanRun() {
  await using fake = disposable(startFakeSpotify());
  return await resolveAll(clientFor(fake));
}

describe("429 handling", () => {
  test("after a 429 with Retry-After, no request is sent before it elapses, and nothing is lost", async () => {
    const expected = await cleanRun();
    await using fake = disposable(
      startFakeSpotify({ switches: { faults: [{ kind: "429", retryAfterS: 1, after: 1 }] } }),
    );
    // One request in flight at a time, so the log's order is the order of sending; the other sources queue.
    const client = clientFor(fake, { settings: { spotifyConcurrency: 1 } });
    expect(await resolveAll(client)).toEqual(expected);
    const log = fake.apiRequests();
    const limited = log.filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    const after = log.slice(log.indexOf(limited[0]!) + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((r) => r.at < limited[0]!.doneAt + 1000)).toEqual([]);
    expect(client.stats()).toMatchObject({ rateLimited: 1, retries: 1 });
    expect(client.stats().waitedS).toBeGreaterThanOrEqual(1);
  });

  test("with several requests in flight, the pause holds for every caller", async () => {
    const expected = await cleanRun();
    await using fake = disposable(
      startFakeSpotify({ switches: { faults: [{ kind: "429", retryAfterS: 1, after: 2 }] } }),
    );
    // Ordered by when they happened (a send and the pause can share a millisecond, so order, not time, decides).
    const sends: { path: string; at: number; seq: number }[] = [];
    let pause: { until: number; seq: number } | undefined;
    let seq = 0;
    const onEvent = (event: SpotifyEvent) => {
      if (event.type === "request") sends.push({ path: event.path, at: Date.now(), seq: seq++ });
      if (event.type === "rate-limit-wait") pause = { until: event.until, seq: seq++ };
    };
    const client = clientFor(fake, { onEvent });
    expect(await resolveAll(client)).toEqual(expected);
    expect(pause).toBeDefined();
    const sentDuringPause = sends.filter((send) => send.seq > pause!.seq && send.at < pause!.until);
    expect(sentDuringPause).toEqual([]);
    // Requests already in flight when the 429 came may meet the window too (Spotify answers them 429); no more.
    expect(fake.apiRequests().filter((r) => r.status === 429).length).toBeLessThanOrEqual(4);
  });

  test("a 429 without Retry-After is retried after a jittered backoff", async () => {
    await using fake = disposable(
      startFakeSpotify({ switches: { faults: [{ kind: "429", retryAfterS: null, times: 2 }] } }),
    );
    const client = clientFor(fake);
    const album = await client.resolve({ kind: "album", id: SMALL.albumId });
    expect(album.tracks).toHaveLength(3);
    expect(fake.apiRequests().map((r) => r.status)).toEqual([429, 429, 200, 200]);
    expect(client.stats()).toMatchObject({ rateLimited: 2, retries: 2 });
  });

  test("a Retry-After longer than spotify_max_wait stops at once with exit 3 and says when to retry", async () => {
    const clock = createFakeClock();
    await using fake = disposable(startFakeSpotify({ switches: { faults: [{ kind: "429", retryAfterS: 86_400 }] } }));
    const client = clientFor(fake, { clock, settings: { spotifyMaxWaitS: 600 } });
    const error = await client.resolve({ kind: "track", id: SMALL.trackIds.lanterns }).catch((e) => e);
    expect(error.name).toBe("SpotifyRateLimitError");
    expect(error.exitCode).toBe(EXIT.RESUME_LATER);
    expect(error.message).toContain("86400 s");
    expect(error.hint).toContain(`after ${formatClockTime(clock.now() + 86_400_000)}`);
    expect(error.hint).toContain("Progress is saved");
    expect(clock.sleeps).toEqual([]);
    expect(fake.apiRequests()).toHaveLength(1);
  });

  test("QUOTA_EXCEEDED is reported as a spent quota and not retried", async () => {
    await using fake = disposable(startFakeSpotify({ switches: { faults: [{ kind: "quota", retryAfterS: 5 }] } }));
    const error = await clientFor(fake)
      .resolve({ kind: "track", id: SMALL.trackIds.lanterns })
      .catch((e) => e);
    expect(error.exitCode).toBe(EXIT.RESUME_LATER);
    expect(error.message).toContain("quota");
    expect(fake.apiRequests()).toHaveLength(1);
  });
});

describe("server errors, dropped connections and expired tokens", () => {
  test("5xx answers and dropped connections are retried and nothing is lost", async () => {
    const expected = await cleanRun();
    await using fake = disposable(
      startFakeSpotify({
        switches: {
          faults: [
            { kind: "5xx", status: 502, times: 2 },
            { kind: "drop", after: 3, times: 2 },
          ],
        },
      }),
    );
    const client = clientFor(fake);
    expect(await resolveAll(client)).toEqual(expected);
    expect(fake.apiRequests().filter((r) => r.status === 502)).toHaveLength(2);
    expect(fake.apiRequests().filter((r) => r.status === 0)).toHaveLength(2);
    // Bun's fetch itself retries a GET once when a kept-alive socket is reset, so not every drop reaches musicdl.
    expect(client.stats().retries).toBeGreaterThanOrEqual(2);
  });

  test("connections dropped again and again are retried by musicdl, then reported", async () => {
    await using fake = disposable(startFakeSpotify({ switches: { faults: [{ kind: "drop", times: 3 }] } }));
    const client = clientFor(fake, { settings: { spotifyConcurrency: 1 } });
    expect((await client.resolve({ kind: "album", id: SMALL.albumId })).tracks).toHaveLength(3);
    expect(fake.apiRequests().filter((r) => r.status === 0)).toHaveLength(3);
    expect(client.stats().retries).toBeGreaterThanOrEqual(1);

    fake.set({ faults: [{ kind: "drop", times: 1000 }] });
    const error = await client.resolve({ kind: "playlist", id: SMALL.playlistId }).catch((e) => e);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain("could not reach Spotify");
  });

  test("a server that keeps failing fails that source after spotify_max_retries", async () => {
    await using fake = disposable(startFakeSpotify({ switches: { faults: [{ kind: "5xx", times: 100 }] } }));
    const error = await clientFor(fake, { settings: { spotifyMaxRetries: 2 } })
      .resolve({ kind: "album", id: SMALL.albumId })
      .catch((e) => e);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`https://open.spotify.com/album/${SMALL.albumId}`);
    expect(error.message).toContain("HTTP 503");
    expect(fake.apiRequests()).toHaveLength(3);
  });

  test("a token that expires mid-run is refreshed once, transparently", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = clientFor(fake);
    await client.resolve({ kind: "album", id: SMALL.albumId });
    fake.expireTokens();
    const playlist = await client.resolve({ kind: "playlist", id: SMALL.playlistId });
    expect(playlist.tracks).toHaveLength(3);
    expect(fake.requests.map((r) => `${r.path} ${r.status}`).slice(-3)).toEqual([
      `/v1/playlists/${SMALL.playlistId} 401`,
      "/api/token 200",
      `/v1/playlists/${SMALL.playlistId} 200`,
    ]);
  });

  test("other 4xx answers are not retried and name the source", async () => {
    await using fake = disposable(
      startFakeSpotify({ switches: { apiShape: "2026", playlistOwnership: "owned-only" } }),
    );
    const error = await clientFor(fake)
      .resolve({ kind: "saved", id: "" })
      .catch((e) => e);
    expect(error.exitCode).toBe(EXIT.RESUME_LATER);
    expect(error.hint).toContain("musicdl auth login");
    expect(fake.apiRequests()).toHaveLength(0);
  });
});
