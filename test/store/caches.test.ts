import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import type { AudioCandidate } from "../../src/plugins/api.ts";
import { MISS_TTL_CAP_S, openStore } from "../../src/store/index.ts";
import { clearRegisteredSecrets, registerSecret } from "../../src/util/redact.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const candidate: AudioCandidate = {
  provider: "youtube-music",
  id: "abc123",
  title: "YYZ",
  artists: ["Rush"],
  durationMs: 266_000,
  kind: "song",
  url: "https://music.youtube.com/watch?v=abc123",
};

function open(dir: string, settings = {}) {
  const clock = createFakeClock();
  const store = openStore(join(dir, "cache", "musicdl.sqlite"), { clock, log: createRecordingLog(), settings });
  return { store, clock };
}

describe("plugin cache", () => {
  test("a stored response comes back, and hits and misses are counted", () => {
    using dir = createTempDir();
    const { store } = open(dir.path);
    expect(store.plugins.forPlugin("spotify").get("track:1")).toBeUndefined();
    store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ", n: [1, 2] }, null);
    expect(store.plugins.forPlugin("spotify").get("track:1")).toEqual({ name: "YYZ", n: [1, 2] });
    expect(store.plugins.forPlugin("spotify").get("track:1")).toEqual({ name: "YYZ", n: [1, 2] });
    const stats = store.stats().plugins;
    expect([stats.hits, stats.misses, stats.rows]).toEqual([2, 1, 1]);
    store.close();
  });

  test("setting a never-expiring row again keeps it; a new value or a row that was expiring is still written", () => {
    using dir = createTempDir();
    const { store, clock } = open(dir.path);
    store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ" }, null);
    store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ" }, null);
    store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ (2011 remaster)" }, null);
    store.plugins.forPlugin("spotify").set("playlist:1", { snapshot: "a" }, 60);
    store.plugins.forPlugin("spotify").set("playlist:1", { snapshot: "a" }, null);
    clock.advance(3_600_000);
    expect(store.plugins.forPlugin("spotify").get("track:1")).toEqual({ name: "YYZ (2011 remaster)" });
    expect(store.plugins.forPlugin("spotify").get("playlist:1")).toEqual({ snapshot: "a" });
    expect(store.stats().plugins.rows).toBe(2);
    store.close();
  });

  test("an expiring response is gone after its TTL and counted as expired", () => {
    using dir = createTempDir();
    const { store, clock } = open(dir.path);
    store.plugins.forPlugin("spotify").set("playlist:1", { snapshot: "a" }, 60);
    clock.advance(59_000);
    expect(store.plugins.forPlugin("spotify").get("playlist:1")).toEqual({ snapshot: "a" });
    clock.advance(1_000);
    expect(store.plugins.forPlugin("spotify").get("playlist:1")).toBeUndefined();
    expect(store.stats().plugins).toMatchObject({ rows: 0, hits: 1, misses: 1, expired: 1 });
    store.close();
  });

  test("a never-expiring track row outlives any clock", () => {
    using dir = createTempDir();
    const { store, clock } = open(dir.path);
    store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ" }, null);
    clock.advance(10 * 365 * 86_400_000);
    expect(store.plugins.forPlugin("spotify").get("track:1")).toEqual({ name: "YYZ" });
    store.close();
  });

  test("over the max size the least recently used expiring row goes; never-expiring rows do not count", () => {
    using dir = createTempDir();
    const { store, clock } = open(dir.path, { cacheMaxSize: 2 });
    for (let i = 0; i < 5; i++) store.plugins.forPlugin("spotify").set(`track:${i}`, i, null);
    store.plugins.forPlugin("spotify").set("page:a", "a", 3600);
    clock.advance(120_000);
    store.plugins.forPlugin("spotify").set("page:b", "b", 3600);
    clock.advance(120_000);
    expect(store.plugins.forPlugin("spotify").get("page:a")).toBe("a"); // now a is more recent than b
    clock.advance(120_000);
    store.plugins.forPlugin("spotify").set("page:c", "c", 3600);
    expect(store.plugins.forPlugin("spotify").get("page:b")).toBeUndefined();
    expect(store.plugins.forPlugin("spotify").get("page:a")).toBe("a");
    expect(store.plugins.forPlugin("spotify").get("page:c")).toBe("c");
    expect(store.plugins.forPlugin("spotify").get("track:0")).toBe(0);
    expect(store.stats().plugins).toMatchObject({ rows: 7, neverExpiringRows: 5, evictions: 1 });
    store.close();
  });

  test("a value holding a registered secret is not stored", () => {
    using dir = createTempDir();
    const { store } = open(dir.path);
    registerSecret("s3cr3t-client-secret-value");
    try {
      store.plugins.forPlugin("spotify").set("token", { token: "s3cr3t-client-secret-value" }, 3600);
      store.plugins.forPlugin("spotify").set("auth", "access_token=abcdef123456", 3600);
      expect(store.plugins.forPlugin("spotify").get("token")).toBeUndefined();
      expect(store.plugins.forPlugin("spotify").get("auth")).toBeUndefined();
      expect(store.stats().plugins).toMatchObject({ rows: 0, refused: 2 });
    } finally {
      clearRegisteredSecrets();
      store.close();
    }
  });

  test("counters survive closing and reopening the file", () => {
    using dir = createTempDir();
    const first = open(dir.path).store;
    first.plugins.forPlugin("spotify").get("nothing");
    first.plugins.forPlugin("spotify").set("x", 1, null);
    first.plugins.forPlugin("spotify").get("x");
    first.close();
    const second = open(dir.path).store;
    expect(second.stats().plugins).toMatchObject({ rows: 1, hits: 1, misses: 1 });
    second.close();
  });
});

describe("search cache", () => {
  test("found candidates are kept for the search TTL", () => {
    using dir = createTempDir();
    const { store, clock } = open(dir.path, { audioSearchCacheTtlS: 86_400 });
    store.search.set("youtube-music", "isrc:USRC1", [candidate]);
    clock.advance(23 * 3_600_000);
    expect(store.search.get("youtube-music", "isrc:USRC1")).toEqual([candidate]);
    expect(store.search.get("bandcamp", "isrc:USRC1")).toBeUndefined();
    clock.advance(3_600_000);
    expect(store.search.get("youtube-music", "isrc:USRC1")).toBeUndefined();
    store.close();
  });

  test("a search that found nothing is forgotten after an hour, not a day", () => {
    using dir = createTempDir();
    const { store, clock } = open(dir.path, { audioSearchCacheTtlS: 86_400 });
    store.search.set("youtube-music", "t1", []);
    clock.advance(MISS_TTL_CAP_S * 1000 - 1);
    expect(store.search.get("youtube-music", "t1")).toEqual([]);
    clock.advance(1);
    expect(store.search.get("youtube-music", "t1")).toBeUndefined();
    store.close();
  });

  test("a search TTL of 0 disables the cache", () => {
    using dir = createTempDir();
    const { store } = open(dir.path, { audioSearchCacheTtlS: 0 });
    store.search.set("youtube-music", "t1", [candidate]);
    expect(store.search.get("youtube-music", "t1")).toBeUndefined();
    store.close();
  });

  test("clear() empties both caches and their counters but keeps the library index", () => {
    using dir = createTempDir();
    const { store } = open(dir.path);
    store.plugins.forPlugin("spotify").set("a", 1, null);
    store.plugins.forPlugin("spotify").get("a");
    store.search.set("p", "k", [candidate]);
    store.library("/music").upsert({
      trackKey: "1",
      path: "/music/a.mp3",
      format: "mp3",
      sizeBytes: 1,
      mtimeMs: 1,
      tagHash: "h",
      writtenAtMs: 1,
    });
    expect(store.clear()).toEqual({ plugins: 1, search: 1 });
    const stats = store.stats();
    expect([stats.plugins.rows, stats.plugins.hits, stats.search.rows, stats.library.files]).toEqual([0, 0, 0, 1]);
    expect(store.clear({ library: true })).toEqual({ library: 1 });
    store.close();
  });
});
