import { describe, expect, test } from "bun:test";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import * as v from "valibot";
import { buildDownloadSettings } from "../../src/config/build-settings.ts";
import { DownloadSectionSchema } from "../../src/config/schema.ts";
import { createBandwidthThrottle, createPluginHttpClient, pluginHttpOptionsFrom } from "../../src/http/plugin-http.ts";
import { createFakeClock } from "../../fakes/spotify/fake-clock.ts";
import { startFakeYouTube } from "../../fakes/youtube/index.ts";
import { CATALOG, createTestContext, trackMeta, useYouTubeOrigin } from "../helpers/youtube.ts";

/** The remote side: answers every request with `bodyBytes` bytes in 64 KB chunks and notes when it was asked. */
function fakeServer(clock: { now(): number }, bodyBytes = 10) {
  const sentAt: number[] = [];
  const fetchImpl = async () => {
    sentAt.push(clock.now());
    const chunks = Math.ceil(bodyBytes / 65_536);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(Math.min(65_536, bodyBytes - i * 65_536)));
        controller.close();
      },
    });
    return new Response(body, { status: 200 });
  };
  return { sentAt, fetchImpl };
}

describe("provider HTTP behind the download rate limit", () => {
  test("five requests on a 2-per-second budget: two at once, then one every 500 ms", async () => {
    const clock = createFakeClock();
    const server = fakeServer(clock);
    const http = createPluginHttpClient({ requests: { perWindow: 2, windowMs: 1000 }, clock, fetch: server.fetchImpl });
    const start = clock.now();
    await Promise.all(Array.from({ length: 5 }, () => http.fetch("http://example.test/")));
    expect(server.sentAt.map((at) => at - start)).toEqual([0, 0, 500, 1000, 1500]);
  });

  test("a request waiting for the budget is abandoned when its signal aborts", async () => {
    const clock = createFakeClock();
    const server = fakeServer(clock);
    const http = createPluginHttpClient({
      requests: { perWindow: 1, windowMs: 60_000 },
      clock,
      fetch: server.fetchImpl,
    });
    await http.fetch("http://example.test/");
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(http.fetch("http://example.test/", { signal: controller.signal })).rejects.toThrow("stop");
    expect(server.sentAt).toHaveLength(1);
  });

  test("the config's limits become the client's; disabled and null mean no limit", () => {
    const settings = (file: Record<string, unknown>) =>
      buildDownloadSettings(v.parse(DownloadSectionSchema, file), {
        baseDir: "/tmp",
        cwd: "/tmp",
        env: {},
        overrides: {},
      });
    expect(pluginHttpOptionsFrom(settings({}))).toEqual({
      requests: { perWindow: 2, windowMs: 1000 },
      bytesPerSecond: 1_048_576,
    });
    expect(
      pluginHttpOptionsFrom(
        settings({
          download_rate_limit_requests: 5,
          download_rate_limit_window: 10,
          download_bandwidth_limit: 500_000,
        }),
      ),
    ).toEqual({ requests: { perWindow: 5, windowMs: 10_000 }, bytesPerSecond: 500_000 });
    expect(
      pluginHttpOptionsFrom(settings({ download_rate_limit_enabled: false, download_bandwidth_limit: null })),
    ).toEqual({});
  });

  test("requests to this machine (the offline fakes, a local proxy) are not paced", async () => {
    const clock = createFakeClock();
    const server = fakeServer(clock, 3_000_000);
    const http = createPluginHttpClient({
      requests: { perWindow: 1, windowMs: 60_000 },
      bytesPerSecond: 1000,
      clock,
      fetch: server.fetchImpl,
    });
    for (const url of ["http://127.0.0.1:8080/a", "http://localhost/b", "http://[::1]:9/c"]) {
      await (await http.fetch(url)).arrayBuffer();
    }
    expect(clock.sleeps).toEqual([]);
  });
});

describe("provider HTTP behind the bandwidth cap", () => {
  test("3 MB at 1 MB/s: the first second's worth is banked, the rest takes 2 s, and every byte arrives", async () => {
    const clock = createFakeClock();
    const server = fakeServer(clock, 3_000_000);
    const http = createPluginHttpClient({ bytesPerSecond: 1_000_000, clock, fetch: server.fetchImpl });
    const start = clock.now();
    const body = await (await http.fetch("http://example.test/audio")).arrayBuffer();
    expect(body.byteLength).toBe(3_000_000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(2000);
    expect(clock.now() - start).toBeLessThan(2100);
  });

  test("two downloads at once share one cap instead of getting one each", async () => {
    const clock = createFakeClock();
    const server = fakeServer(clock, 1_500_000);
    const http = createPluginHttpClient({ bytesPerSecond: 1_000_000, clock, fetch: server.fetchImpl });
    const start = clock.now();
    await Promise.all([1, 2].map(async () => (await http.fetch("http://example.test/a")).arrayBuffer()));
    expect(clock.now() - start).toBeGreaterThanOrEqual(2000);
    expect(clock.now() - start).toBeLessThan(2100);
  });

  test("a small answer within the banked budget is not delayed", async () => {
    const clock = createFakeClock();
    const throttle = createBandwidthThrottle(1_000_000, clock);
    await throttle.consume(400_000);
    await throttle.consume(600_000);
    expect(clock.sleeps).toEqual([]);
  });
});

describe("the YouTube providers send through ctx.http", () => {
  test("search, player and media requests all take from the shared budget", async () => {
    const fake = await startFakeYouTube({ catalog: CATALOG });
    // A remote-looking origin (loopback is not paced); the wire below delivers it to the fake.
    const remote = "http://youtube.fake.test";
    using _origin = useYouTubeOrigin(remote);
    try {
      const clock = createFakeClock();
      let sent = 0;
      const http = createPluginHttpClient({
        requests: { perWindow: 1, windowMs: 1000 },
        bytesPerSecond: 1_000_000,
        clock,
        fetch: (input, init) => {
          sent++;
          return fetch(String(input).replace(remote, fake.origin), init);
        },
      });
      using context = createTestContext({}, ((input: string, init?: RequestInit) =>
        http.fetch(input, init)) as typeof fetch);
      const plugin = createYouTubeMusic(context.ctx);
      const song = CATALOG.find((video) => video.kind === "song")!;
      const track = trackMeta({ title: song.title, artists: song.artists, durationMs: song.durationMs });
      const start = clock.now();
      const candidates = await plugin.search(track, { limit: 5 });
      const audio = await plugin.download(candidates[0]!, context.tempDir, {});
      expect(audio.sizeBytes).toBeGreaterThan(0);
      expect(sent).toBe(fake.requests.length);
      expect(fake.requests.some((request) => request.path === "/videoplayback")).toBe(true);
      // One request per second after the first: the budget saw every request the fake did.
      expect(clock.now() - start).toBeGreaterThanOrEqual((fake.requests.length - 1) * 1000);
    } finally {
      await fake.stop();
    }
  });
});
