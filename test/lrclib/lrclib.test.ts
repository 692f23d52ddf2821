/** The lrclib plugin against the fake LRCLIB: the contract, the exact lookup, the search fallback and the user agent. */
import { afterAll, expect, test } from "bun:test";
import * as v from "valibot";
import type { LyricsPlugin, PluginContext } from "musicdl/plugin";
import createLrclib, { answerOf, lrclibBaseUrl } from "../../plugins/lrclib/index.ts";
import { createBasicHttpClient } from "../../src/plugins/context.ts";
import { describeLyricsContract } from "../../contract/lyrics-contract.ts";
import { startFakeLrclib, type LrclibRecord } from "../../fakes/lrclib/index.ts";
import { parseLrc } from "../../plugins/lrclib/parse-lrc.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";
import { coreContextMembers } from "../helpers/plugin-core.ts";

const record = (overrides: Partial<LrclibRecord>): LrclibRecord => ({
  id: 1,
  trackName: "YYZ",
  artistName: "Rush",
  albumName: "Moving Pictures",
  duration: 266,
  instrumental: false,
  plainLyrics: "Words\nMore words",
  syncedLyrics: "[00:01.00] Words\n[00:02.50] More words",
  ...overrides,
});

const fake = startFakeLrclib([
  record({ id: 1, trackName: "Limelight", syncedLyrics: "[00:03.10] Later\n[00:01.00] Earlier", duration: 259 }),
  record({ id: 2, trackName: "Tom Sawyer", albumName: "Exit... Stage Left", duration: 276, syncedLyrics: null }),
  record({ id: 3, trackName: "YYZ", instrumental: true, plainLyrics: null, syncedLyrics: null }),
  record({ id: 4, trackName: "Witch Hunt", duration: 300 }),
]);
afterAll(() => fake.stop());

function lrclib(http = createBasicHttpClient()): LyricsPlugin {
  const previous = process.env.MUSICDL_LRCLIB_URL;
  process.env.MUSICDL_LRCLIB_URL = fake.url;
  try {
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const ctx: PluginContext = {
      log: silent,
      http,
      options: undefined,
      v,
      dirs: { cache: "/nonexistent", temp: "/nonexistent" },
      ffmpegPath: null,
      musicdlVersion: "9.9.9",
      ...coreContextMembers(),
    };
    return createLrclib(ctx);
  } finally {
    if (previous === undefined) delete process.env.MUSICDL_LRCLIB_URL;
    else process.env.MUSICDL_LRCLIB_URL = previous;
  }
}

const limelight = makeTrack({ id: "limelight", title: "Limelight", durationMs: 259_400 });
describeLyricsContract("lrclib", lrclib, {
  found: limelight,
  missing: makeTrack({ id: "missing", title: "Not On LRCLIB" }),
  instrumental: makeTrack({ id: "yyz", title: "YYZ" }),
});

test("the exact lookup sends artist, title, album and duration, with a user agent naming musicdl", async () => {
  fake.requests.length = 0;
  const answer = await lrclib().lyrics(limelight, {});
  expect(fake.requests).toEqual([
    {
      path: "/api/get",
      query: { artist_name: "Rush", track_name: "Limelight", album_name: "Moving Pictures", duration: "259" },
      userAgent: "musicdl/9.9.9 (https://github.com/musicdl/musicdl)",
    },
  ]);
  // Synced lines come back in time order whatever order the LRC text had.
  expect(answer).toEqual({
    instrumental: false,
    lyrics: {
      plain: "Words\nMore words",
      synced: [
        { timeMs: 1000, text: "Earlier" },
        { timeMs: 3100, text: "Later" },
      ],
    },
  });
});

test("another album's copy is found by search, and plain lyrics are the fallback when none are synced", async () => {
  fake.requests.length = 0;
  const track = makeTrack({ id: "tom", title: "Tom Sawyer", durationMs: 276_900 });
  expect(await lrclib().lyrics(track, {})).toEqual({ instrumental: false, lyrics: { plain: "Words\nMore words" } });
  expect(fake.requests.map((request) => request.path)).toEqual(["/api/get", "/api/search"]);
});

test("a search result of another length is a different recording, so a miss", async () => {
  const track = makeTrack({
    id: "wh",
    title: "Witch Hunt",
    durationMs: 340_000,
    album: makeAlbum({ name: "X" }),
  });
  expect(await lrclib().lyrics(track, {})).toBeNull();
});

test("answerOf: instrumental wins over text, empty text is a miss", () => {
  expect(answerOf(record({ instrumental: true }))).toEqual({ instrumental: true });
  expect(answerOf(record({ plainLyrics: " ", syncedLyrics: "" }))).toBeNull();
  expect(answerOf(null)).toBeNull();
});

test("MUSICDL_LRCLIB_URL must be an http(s) URL", () => {
  expect(lrclibBaseUrl(undefined)).toBe("https://lrclib.net");
  expect(lrclibBaseUrl("http://127.0.0.1:9/")).toBe("http://127.0.0.1:9/");
  expect(() => lrclibBaseUrl("lrclib.net")).toThrow('MUSICDL_LRCLIB_URL="lrclib.net" is not a URL');
  expect(() => lrclibBaseUrl("ftp://x")).toThrow("must be an http:// or https:// URL");
});

test("parseLrc: several stamps on one line, ID tags and untimed lines left out, sorted by time", () => {
  const text = "[ar: Rush]\n[00:12.00][00:45.5]Chorus\n[00:03.123] Verse\nno time here\n[1:02]Late";
  expect(parseLrc(text)).toEqual([
    { timeMs: 3123, text: "Verse" },
    { timeMs: 12_000, text: "Chorus" },
    { timeMs: 45_500, text: "Chorus" },
    { timeMs: 62_000, text: "Late" },
  ]);
});

test("every LRCLIB request goes through the context's shared HTTP client, which paces provider requests", async () => {
  const seen: string[] = [];
  const basic = createBasicHttpClient();
  const counting = {
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      seen.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return basic.fetch(input, init);
    },
  };
  const track = makeTrack({ id: "tom2", title: "Tom Sawyer", durationMs: 276_000 });
  await lrclib(counting).lyrics(track, {});
  expect(seen).toEqual(["/api/get", "/api/search"]);
});
