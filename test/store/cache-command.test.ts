import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { openStore } from "../../src/store/index.ts";
import { defaultCachePath } from "../../src/util/dirs.ts";
import { runCli } from "../helpers/run-cli.ts";
import { createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";
import { MIGRATIONS } from "../../src/store/migrations.ts";

function fillStore(path: string) {
  const store = openStore(path, { log: createRecordingLog() });
  store.plugins.forPlugin("spotify").set("track:1", { name: "YYZ" }, null);
  store.plugins.forPlugin("spotify").get("track:1");
  store.plugins.forPlugin("spotify").get("track:2");
  store.search.set("youtube-music", "isrc:X", []);
  store.library("/music").upsert({
    trackKey: "1",
    path: "/music/YYZ.mp3",
    format: "mp3",
    sizeBytes: 10,
    mtimeMs: 1,
    tagHash: "h",
    writtenAtMs: 1,
  });
  const m3u = join(dirname(path), "Mix.m3u8");
  writeFileSync(m3u, "#EXTM3U\n");
  store.playlists("/music").record("m3u:playlist:p1", m3u, 1);
  store.close();
}

test("cache stats --json shows rows and the hits and misses of earlier runs", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  fillStore(path);
  const result = await runCli(["cache", "stats", "--json", "--cache-path", path]);
  expect(result.exitCode).toBe(0);
  const stats = JSON.parse(result.stdout);
  expectDocumentedJson("cache stats", stats);
  expect(stats).toMatchObject({
    path,
    plugins: { rows: 1, hits: 1, misses: 1 },
    search: { rows: 1 },
    library: { files: 1, m3u_files: 1, libraries: 1 },
    store_schema_version: MIGRATIONS.length,
  });
});

test("cache stats prints a readable summary", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  fillStore(path);
  const result = await runCli(["cache", "stats", "--cache-path", path]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain("Plugin caches   1 rows (1 never expire) · 50% hits");
  expect(result.stdout).toContain("Library index   1 files and 1 M3U files in 1 libraries");
});

test("cache clear empties the caches but keeps the library index unless --library is given", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  fillStore(path);
  const cleared = await runCli(["cache", "clear", "--json", "--cache-path", path]);
  expect(cleared.exitCode).toBe(0);
  expectDocumentedJson("cache clear", JSON.parse(cleared.stdout));
  expect(JSON.parse(cleared.stdout)).toEqual({ schema_version: 1, path, cleared: { plugins: 1, search: 1 } });
  const library = await runCli(["cache", "clear", "--library", "--cache-path", path]);
  expect(library.stdout).toBe(`Cleared 2 library index rows from ${path}.\n`);
  const stats = JSON.parse((await runCli(["cache", "stats", "--json", "--cache-path", path])).stdout);
  expect([stats.plugins.rows, stats.search.rows, stats.library.files, stats.library.m3u_files]).toEqual([0, 0, 0, 0]);
});

test("without --cache-path the store lives under XDG_CACHE_HOME", async () => {
  using dir = createTempDir();
  const result = await runCli(["cache", "stats", "--json"], { env: { XDG_CACHE_HOME: dir.path } });
  expect(result.exitCode).toBe(0);
  expect(JSON.parse(result.stdout).path).toBe(join(dir.path, "musicdl", "musicdl.sqlite"));
});

test("a damaged cache file does not crash the command: it is moved aside with a warning", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  await Bun.write(path, "garbage ".repeat(1000));
  const result = await runCli(["cache", "stats", "--json", "--cache-path", path]);
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toContain("is damaged or not a database");
  expect(JSON.parse(result.stdout).plugins.rows).toBe(0);
});

test("a cache path that cannot be created is a one-line error, not a crash", async () => {
  using dir = createTempDir();
  const blocker = join(dir.path, "not-a-folder");
  await Bun.write(blocker, "x");
  const result = await runCli(["cache", "stats", "--cache-path", join(blocker, "musicdl.sqlite")]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("error: cannot open the cache file");
  expect(result.stderr).not.toContain("bug");
});

test.each([
  {
    name: "XDG_CACHE_HOME is used when absolute",
    env: { XDG_CACHE_HOME: "/xdg", HOME: "/home/u" },
    want: "/xdg/musicdl/musicdl.sqlite",
  },
  { name: "~/.cache when unset", env: { HOME: "/home/u" }, want: "/home/u/.cache/musicdl/musicdl.sqlite" },
  {
    name: "a relative XDG_CACHE_HOME is ignored",
    env: { XDG_CACHE_HOME: "rel", HOME: "/home/u" },
    want: "/home/u/.cache/musicdl/musicdl.sqlite",
  },
])("defaultCachePath: $name", ({ env, want }) => expect(defaultCachePath(env)).toBe(want));

test("cache clear --spotify (the older name of --plugins) still empties the Spotify source's cache, and only it", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  fillStore(path);
  const cleared = await runCli(["cache", "clear", "--spotify", "--cache-path", path]);
  expect(cleared.exitCode).toBe(0);
  expect(cleared.stdout).toBe(`Cleared 1 plugin cache entries from ${path}.\n`);
  const stats = JSON.parse((await runCli(["cache", "stats", "--json", "--cache-path", path])).stdout);
  expect([stats.plugins.rows, stats.search.rows]).toEqual([0, 1]);
});
