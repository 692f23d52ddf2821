/** A cookies.txt becomes a Cookie header on YouTube requests and never shows up in logs or errors. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cookieHeaderFromNetscape } from "../../plugins/_youtube-common/cookies-file.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import { type FakeYouTube, startFakeYouTube } from "../../fakes/youtube/index.ts";
import { CATALOG, createTestContext, trackMeta, useYouTubeOrigin } from "../helpers/youtube.ts";

const NOW_MS = Date.UTC(2026, 0, 1);
const FUTURE = "4102444800"; // 2100-01-01
const line = (...fields: string[]) => fields.join("\t");

const COOKIES_TXT = [
  "# Netscape HTTP Cookie File",
  line(".youtube.com", "TRUE", "/", "TRUE", FUTURE, "SAPISID", "sapisid-secret-value"),
  line("#HttpOnly_.youtube.com", "TRUE", "/", "TRUE", FUTURE, "__Secure-3PSID", "psid-secret-value"),
  line(".youtube.com", "TRUE", "/", "TRUE", "1000", "OLD", "expired-value"),
  line(".google.com", "TRUE", "/", "TRUE", FUTURE, "NID", "google-only"),
  line("music.youtube.com", "FALSE", "/", "TRUE", "0", "SESSION", "session-value"),
  "",
].join("\n");

describe("cookies.txt parsing", () => {
  test("keeps unexpired youtube.com cookies, HttpOnly ones included, and drops other domains", () => {
    expect(cookieHeaderFromNetscape(COOKIES_TXT, NOW_MS)).toBe(
      "SAPISID=sapisid-secret-value; __Secure-3PSID=psid-secret-value; SESSION=session-value",
    );
  });

  test("a file without youtube.com cookies gives nothing", () => {
    expect(
      cookieHeaderFromNetscape(line(".google.com", "TRUE", "/", "TRUE", FUTURE, "NID", "x"), NOW_MS),
    ).toBeUndefined();
  });
});

describe("cookies option", () => {
  let fake: FakeYouTube;
  beforeAll(async () => {
    fake = await startFakeYouTube({ catalog: CATALOG });
  });
  afterAll(() => fake.stop());

  test("YouTube receives the Cookie header; the plugin's log and errors never contain it", async () => {
    using _origin = useYouTubeOrigin(fake.origin);
    using context = createTestContext();
    const file = join(context.tempDir, "cookies.txt");
    writeFileSync(file, COOKIES_TXT);
    const plugin = createYouTubeMusic({ ...context.ctx, options: { cookies: file } });
    const track = trackMeta({ title: "Moments", artists: ["Lost Identities"], durationMs: 220_000 });
    await plugin.search(track, { limit: 5 });
    const refused = {
      provider: "youtube-music",
      id: "private0001",
      title: "",
      artists: [],
      durationMs: 1,
      kind: "song",
      url: "",
    } as const;
    const error = await plugin.download(refused, context.tempDir, {}).catch((e: Error) => e);
    expect(String(error)).toContain("This video is private");
    expect(String(error)).not.toContain("secret-value");
    expect(fake.requests[0]?.cookie).toContain("SAPISID=sapisid-secret-value");
    expect(fake.requests[0]?.cookie).toContain("__Secure-3PSID=psid-secret-value");
    const logged = context.logs.join("\n");
    expect(logged).not.toContain("secret-value");
  });

  test("the config's download.cookies, offered to every plugin, is used when the plugin's own option is unset", async () => {
    using _origin = useYouTubeOrigin(fake.origin);
    using context = createTestContext();
    const file = join(context.tempDir, "cookies.txt");
    writeFileSync(file, COOKIES_TXT);
    const before = fake.requests.length;
    const plugin = createYouTubeMusic({ ...context.ctx, cookiesFile: file });
    await plugin.search(trackMeta({ title: "Moments", artists: ["Lost Identities"], durationMs: 220_000 }), {
      limit: 5,
    });
    expect(fake.requests[before]?.cookie).toContain("SAPISID=sapisid-secret-value");
  });

  test("the plugin's own cookies option wins over the config's download.cookies", async () => {
    using _origin = useYouTubeOrigin(fake.origin);
    using context = createTestContext({ cookies: "/nonexistent/own-cookies.txt" });
    const plugin = createYouTubeMusic({ ...context.ctx, cookiesFile: "/nonexistent/offered-cookies.txt" });
    const track = trackMeta({ title: "Moments", artists: ["Lost Identities"], durationMs: 220_000 });
    await expect(plugin.search(track, { limit: 5 })).rejects.toThrow("cookies file /nonexistent/own-cookies.txt");
  });

  test("a missing cookies file is an error naming the path", async () => {
    using _origin = useYouTubeOrigin(fake.origin);
    using context = createTestContext({ cookies: "/nonexistent/cookies.txt" });
    const plugin = createYouTubeMusic(context.ctx);
    const track = trackMeta({ title: "Moments", artists: ["Lost Identities"], durationMs: 220_000 });
    await expect(plugin.search(track, { limit: 5 })).rejects.toThrow(
      "cookies file /nonexistent/cookies.txt cannot be read (ENOENT)",
    );
  });
});
