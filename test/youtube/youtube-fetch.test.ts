/** MUSICDL_YOUTUBE_ORIGIN: every YouTube request can be sent elsewhere, naming the host it was meant for. */
import { systemClock } from "../../src/util/clock.ts";
import { describe, expect, test } from "bun:test";
import {
  createYouTubeFetch,
  isYouTubeHost,
  parseYouTubeOrigin,
  redirectUrl,
} from "../../plugins/_youtube-common/youtube-fetch.ts";
import createYouTube from "../../plugins/youtube/index.ts";
import { createTestContext, useYouTubeOrigin } from "../helpers/youtube.ts";

describe("which hosts are YouTube's", () => {
  test.each([
    { host: "www.youtube.com", want: true },
    { host: "music.youtube.com", want: true },
    { host: "youtubei.googleapis.com", want: true },
    { host: "rr3---sn-abc.googlevideo.com", want: true },
    { host: "i.ytimg.com", want: true },
    { host: "api.spotify.com", want: false },
    { host: "notyoutube.com", want: false },
    { host: "youtube.com.evil.example", want: false },
  ])("$host → $want", ({ host, want }) => expect(isYouTubeHost(host)).toBe(want));
});

describe("redirection", () => {
  test("path and query are kept and the original host is reported", () => {
    const { url, originalHost } = redirectUrl(
      new URL("https://rr1---sn-x.googlevideo.com/videoplayback?id=a&itag=251"),
      "http://127.0.0.1:9000",
    );
    expect(url.href).toBe("http://127.0.0.1:9000/videoplayback?id=a&itag=251");
    expect(originalHost).toBe("rr1---sn-x.googlevideo.com");
  });

  test("other hosts, and every host when no origin is set, are left alone", () => {
    expect(redirectUrl(new URL("https://api.spotify.com/v1/x"), "http://127.0.0.1:9000").url.href).toBe(
      "https://api.spotify.com/v1/x",
    );
    expect(redirectUrl(new URL("https://www.youtube.com/x"), undefined).originalHost).toBeUndefined();
  });

  test("the wrapper sends a Request's method, body and headers to the origin with X-Original-Host", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const youtubeFetch = createYouTubeFetch({
      sleep: systemClock.sleep,
      origin: "http://127.0.0.1:9000",
      baseFetch: async (input, init = {}) => {
        seen.push({ url: String(input), init });
        return new Response("ok");
      },
    });
    const request = new Request("https://www.youtube.com/youtubei/v1/search?alt=json", { method: "POST" });
    await youtubeFetch.fetch(request, { body: '{"query":"q"}', headers: { "Content-Type": "application/json" } });
    expect(seen[0]?.url).toBe("http://127.0.0.1:9000/youtubei/v1/search?alt=json");
    expect(seen[0]?.init.method).toBe("POST");
    expect(seen[0]?.init.body).toBe('{"query":"q"}');
    const headers = new Headers(seen[0]?.init.headers);
    expect(headers.get("x-original-host")).toBe("www.youtube.com");
    expect(headers.get("content-type")).toBe("application/json");
  });

  test("withSignal cancels requests made deep inside other code", async () => {
    const controller = new AbortController();
    const youtubeFetch = createYouTubeFetch({
      sleep: systemClock.sleep,
      baseFetch: async (_input, init) => {
        expect(init?.signal?.aborted).toBe(true);
        throw init?.signal?.reason;
      },
    });
    controller.abort(new Error("cancelled"));
    const nested = () => youtubeFetch.fetch("https://www.youtube.com/x");
    await expect(youtubeFetch.withSignal(controller.signal, nested)).rejects.toThrow("cancelled");
  });
});

describe("MUSICDL_YOUTUBE_ORIGIN values", () => {
  test("an origin with a path is reduced to the origin", () => {
    expect(parseYouTubeOrigin("http://127.0.0.1:8080/ignored")).toBe("http://127.0.0.1:8080");
    expect(parseYouTubeOrigin("")).toBeUndefined();
  });

  test("a value that is not an http(s) URL stops the plugin with a message naming the variable", () => {
    using _origin = useYouTubeOrigin("127.0.0.1:8080");
    using context = createTestContext();
    expect(() => createYouTube(context.ctx)).toThrow(/MUSICDL_YOUTUBE_ORIGIN/);
  });
});
