/** Downloading real (ffmpeg-made) audio from the fake YouTube through the youtube-music plugin. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { AudioCandidate } from "../../src/plugins/api.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import { type FakeYouTube, MEDIA_HOST, startFakeYouTube } from "../../fakes/youtube/index.ts";
import { CATALOG, createTestContext, probeAudio, useYouTubeOrigin } from "../helpers/youtube.ts";

let fake: FakeYouTube;
beforeAll(async () => {
  fake = await startFakeYouTube({ catalog: CATALOG });
});
afterAll(() => fake.stop());

const candidate = (id: string): AudioCandidate => ({
  provider: "youtube-music",
  id,
  title: "t",
  artists: [],
  durationMs: 3000,
  kind: "song",
  url: `https://music.youtube.com/watch?v=${id}`,
});

/** A plugin wired to the fake; `fetchImpl` stands in for the core's HTTP client. */
function setup(options: Record<string, unknown> = {}, fetchImpl: typeof fetch = fetch) {
  fake.requests.length = 0;
  const origin = useYouTubeOrigin(fake.origin);
  const context = createTestContext(options, fetchImpl);
  const plugin = createYouTubeMusic(context.ctx);
  return {
    plugin,
    tempDir: context.tempDir,
    [Symbol.dispose]() {
      context[Symbol.dispose]();
      origin[Symbol.dispose]();
    },
  };
}

const bytesOf = async (path: string) => new Uint8Array(await Bun.file(path).arrayBuffer());

describe("download", () => {
  test("takes the Opus/WebM stream by default and the file is real audio", async () => {
    using s = setup();
    const audio = await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    expect(audio).toMatchObject({ codec: "opus", container: "webm" });
    expect(audio.file.startsWith(s.tempDir)).toBe(true);
    expect(audio.bitrateKbps).toBeGreaterThan(0);
    const probe = await probeAudio(audio.file);
    expect(probe.codec).toBe("opus");
    expect(probe.format).toContain("webm");
    expect(probe.durationS).toBeGreaterThan(2);
    expect(await bytesOf(audio.file)).toEqual(await bytesOf(await fake.audioFile("0h6XAAwX8II", 251)));
    expect(audio.sizeBytes).toBe(Bun.file(audio.file).size);
    // One player request with the configured client, then media requests only for itag 251.
    expect(fake.requests[0]?.body?.context?.client?.clientName).toBe("VISIONOS");
    expect(fake.downloadsOf("0h6XAAwX8II").map((r) => r.itag)).toEqual([251]);
  });

  test("takes AAC/MP4 when there is no Opus stream", async () => {
    using s = setup();
    const audio = await s.plugin.download(candidate("aacOnly0001"), s.tempDir, {});
    expect(audio).toMatchObject({ codec: "aac", container: "mp4" });
    expect(audio.file.endsWith(".m4a")).toBe(true);
    expect((await probeAudio(audio.file)).codec).toBe("aac");
  });

  test("media requests go to MUSICDL_YOUTUBE_ORIGIN and name the googlevideo host in X-Original-Host", async () => {
    using s = setup();
    await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    expect(fake.requests[0]?.originalHost).toBe("www.youtube.com");
    expect(fake.downloadsOf("0h6XAAwX8II")[0]?.originalHost).toBe(MEDIA_HOST);
  });

  test("downloads in Range chunks of chunk_bytes", async () => {
    using s = setup({ chunk_bytes: 4096 });
    const audio = await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    const ranges = fake.downloadsOf("0h6XAAwX8II").map((r) => r.range);
    expect(ranges.length).toBe(Math.ceil(audio.sizeBytes / 4096));
    expect(ranges.slice(0, 2)).toEqual(["bytes=0-4095", "bytes=4096-8191"]);
    expect(await bytesOf(audio.file)).toEqual(await bytesOf(await fake.audioFile("0h6XAAwX8II", 251)));
  });

  test("a transfer cut midway continues from where it stopped and ends byte-identical", async () => {
    using s = setup();
    fake.cutNextMedia(1, 1000);
    const audio = await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    const [first, second] = fake.downloadsOf("0h6XAAwX8II");
    expect(first?.bytes).toBe(1000);
    expect(second?.range).toStartWith("bytes=1000-");
    expect(await bytesOf(audio.file)).toEqual(await bytesOf(await fake.audioFile("0h6XAAwX8II", 251)));
  });

  test("a download that fails keeps its partial file and the next attempt resumes it", async () => {
    using s = setup();
    fake.cutNextMedia(1, 1500);
    fake.failNext(3, { status: 503, after: 1 });
    await expect(s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {})).rejects.toThrow(/HTTP 503/);
    expect(readdirSync(s.tempDir).filter((f) => f.endsWith(".part"))).toHaveLength(1);
    fake.requests.length = 0;
    const audio = await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    expect(fake.downloadsOf("0h6XAAwX8II")[0]?.range).toStartWith("bytes=1500-");
    expect(await bytesOf(audio.file)).toEqual(await bytesOf(await fake.audioFile("0h6XAAwX8II", 251)));
    expect(readdirSync(s.tempDir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  test("a complete file left by a run killed after the transfer is reused, not fetched again", async () => {
    using s = setup();
    const first = await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    fake.requests.length = 0;
    const again = await s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {});
    expect(again).toEqual(first);
    expect(fake.downloadsOf("0h6XAAwX8II")).toEqual([]);
  });

  test("a stream whose length differs from the announced one is rejected and its partial removed", async () => {
    using s = setup();
    await expect(s.plugin.download(candidate("wrongLen001"), s.tempDir, {})).rejects.toThrow(/length mismatch/);
    expect(readdirSync(s.tempDir)).toEqual([]);
  });

  test("a 429 on the media host stops with a message saying so", async () => {
    using s = setup();
    fake.failNext(1, { status: 429, retryAfterS: 30 });
    await expect(s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, {})).rejects.toThrow(/429/);
  });
});

describe("refusals carry YouTube's reason", () => {
  test.each([
    { id: "premium0001", want: /only available to Music Premium members.*UNPLAYABLE/ },
    { id: "region00001", want: /not made this video available in your country.*UNPLAYABLE/ },
    { id: "private0001", want: /This video is private.*LOGIN_REQUIRED.*plugins\.youtube-music\.cookies/ },
  ])("$id", async ({ id, want }) => {
    using s = setup();
    await expect(s.plugin.download(candidate(id), s.tempDir, {})).rejects.toThrow(want);
    expect(fake.downloadsOf(id)).toEqual([]);
  });
});

describe("abort", () => {
  test("an already aborted signal sends nothing", async () => {
    using s = setup();
    const controller = new AbortController();
    controller.abort(new Error("user pressed Ctrl-C"));
    await expect(s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, { signal: controller.signal })).rejects.toThrow(
      "user pressed Ctrl-C",
    );
    expect(fake.requests).toEqual([]);
  });

  test("aborting during the transfer stops it and keeps the partial for later", async () => {
    const controller = new AbortController();
    let mediaRequests = 0;
    // The core's HTTP client passes the second media request on just as the user presses Ctrl-C.
    const abortingFetch = ((input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes("/videoplayback") && ++mediaRequests === 2) controller.abort(new Error("stopped"));
      return fetch(input, init);
    }) as typeof fetch;
    using s = setup({ chunk_bytes: 4096 }, abortingFetch);
    const download = s.plugin.download(candidate("0h6XAAwX8II"), s.tempDir, { signal: controller.signal });
    await expect(download).rejects.toThrow("stopped");
    const files = readdirSync(s.tempDir);
    expect(files.some((f) => f.endsWith(".webm"))).toBe(false);
    const part = files.find((f) => f.endsWith(".part"));
    expect(part && Bun.file(join(s.tempDir, part)).size).toBe(4096);
  });
});
