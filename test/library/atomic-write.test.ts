import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import {
  cleanupStaleTemps,
  isTempName,
  moveIntoPlace,
  tempPathBeside,
  writeFileAtomic,
} from "../../src/library/atomic-write.ts";
import type { Clock } from "../../src/util/clock.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const listAll = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();

describe("writeFileAtomic", () => {
  test("creates the folders and writes the whole file, leaving no temp", async () => {
    using dir = createTempDir();
    const target = join(dir.path, "Rush", "Moving Pictures", "03 - YYZ.mp3");
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(listAll(dir.path)).toEqual(["Rush", "Rush/Moving Pictures", "Rush/Moving Pictures/03 - YYZ.mp3"]);
  });

  test("replaces an existing file", async () => {
    using dir = createTempDir();
    const target = join(dir.path, "list.m3u8");
    writeFileSync(target, "old");
    await writeFileAtomic(target, "new");
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(dir.path)).toEqual(["list.m3u8"]);
  });

  test("a stream that fails halfway leaves the old file intact and no temp", async () => {
    using dir = createTempDir();
    const target = join(dir.path, "song.mp3");
    writeFileSync(target, "old audio");
    async function* brokenDownload() {
      yield new TextEncoder().encode("half of the new");
      throw new Error("connection reset");
    }
    await expect(writeFileAtomic(target, brokenDownload())).rejects.toThrow("connection reset");
    expect(readFileSync(target, "utf8")).toBe("old audio");
    expect(readdirSync(dir.path)).toEqual(["song.mp3"]);
  });

  test("an abort during the write leaves the old file intact and no temp", async () => {
    using dir = createTempDir();
    const target = join(dir.path, "song.mp3");
    writeFileSync(target, "old audio");
    const controller = new AbortController();
    async function* slowDownload() {
      yield "first part";
      controller.abort(new Error("user pressed Ctrl-C"));
      yield "second part";
    }
    await expect(writeFileAtomic(target, slowDownload(), { signal: controller.signal })).rejects.toThrow();
    expect(readFileSync(target, "utf8")).toBe("old audio");
    expect(readdirSync(dir.path)).toEqual(["song.mp3"]);
  });

  test("a folder in the way fails the write and leaves the folder and no temp", async () => {
    using dir = createTempDir();
    const target = join(dir.path, "song.mp3");
    mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "x");
    await expect(writeFileAtomic(target, "data")).rejects.toThrow();
    expect(statSync(target).isDirectory()).toBe(true);
    expect(listAll(dir.path)).toEqual(["song.mp3", "song.mp3/keep.txt"]);
  });

  test("a file where a folder should be fails cleanly", async () => {
    using dir = createTempDir();
    writeFileSync(join(dir.path, "Rush"), "not a folder");
    await expect(writeFileAtomic(join(dir.path, "Rush", "song.mp3"), "data")).rejects.toThrow();
    expect(readdirSync(dir.path)).toEqual(["Rush"]);
  });
});

describe("tempPathBeside", () => {
  test("is hidden, in the same folder, recognisable and unique", () => {
    const target = join("/music", "Rush", "YYZ.mp3");
    const first = tempPathBeside(target);
    expect(dirname(first)).toBe(dirname(target));
    expect(basename(first)).toMatch(/^\.YYZ\.mp3\.musicdl-[0-9a-f]{12}\.tmp$/u);
    expect(isTempName(basename(first))).toBe(true);
    expect(tempPathBeside(target)).not.toBe(first);
  });

  test("can keep the extension for ffmpeg", () =>
    expect(basename(tempPathBeside("/m/YYZ.opus", { keepExtension: true }))).toMatch(/\.tmp\.opus$/u));

  test("a 255-byte target name leaves room in its temp name for a tagger's `.tagging` file", () => {
    const name = basename(tempPathBeside(`/m/${"x".repeat(251)}.opus`, { keepExtension: true }));
    expect(new TextEncoder().encode(`${name}.tagging`).length).toBeLessThanOrEqual(255);
  });

  test("a 255-byte target name still gives a temp name within 255 bytes", () => {
    const name = basename(tempPathBeside(`/m/${"é".repeat(125)}.mp3`, { keepExtension: true }));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(isTempName(name)).toBe(true);
  });

  test.each(["song.mp3", ".hidden", ".song.mp3.musicdl-abc.tmp", "song.musicdl-0123456789ab.tmp"])(
    "%s is not ours",
    (name) => expect(isTempName(name)).toBe(false),
  );
});

describe("moveIntoPlace", () => {
  test("moves a file beside the target over it", async () => {
    using dir = createTempDir();
    const target = join(dir.path, "Album", "song.mp3");
    mkdirSync(dirname(target));
    writeFileSync(target, "old");
    const temp = tempPathBeside(target, { keepExtension: true });
    writeFileSync(temp, "converted");
    await moveIntoPlace(temp, target);
    expect(readFileSync(target, "utf8")).toBe("converted");
    expect(readdirSync(dirname(target))).toEqual(["song.mp3"]);
  });

  test("moves a file from another folder, on another filesystem when /dev/shm is one", async () => {
    using library = createTempDir();
    using scratch = createTempDir("musicdl-library-", existsSync("/dev/shm") ? "/dev/shm" : undefined);
    const source = join(scratch.path, "download.webm");
    writeFileSync(source, "audio");
    const target = join(library.path, "Rush", "YYZ.opus");
    await moveIntoPlace(source, target);
    expect(readFileSync(target, "utf8")).toBe("audio");
    expect(existsSync(source)).toBe(false);
    expect(listAll(library.path)).toEqual(["Rush", "Rush/YYZ.opus"]);
  });
});

describe("cleanupStaleTemps", () => {
  test("removes only our leftovers, in subfolders too", async () => {
    using dir = createTempDir();
    const album = join(dir.path, "Rush", "Moving Pictures");
    mkdirSync(album, { recursive: true });
    const leftovers = [
      tempPathBeside(join(album, "YYZ.mp3")),
      tempPathBeside(join(dir.path, "list.m3u8"), { keepExtension: true }),
    ];
    for (const path of leftovers) writeFileSync(path, "partial");
    const keep = ["YYZ.mp3", ".DS_Store", "notes.tmp", ".YYZ.mp3.musicdl-short.tmp"];
    for (const name of keep) writeFileSync(join(album, name), "user data");
    const removed = await cleanupStaleTemps(dir.path);
    expect(removed.sort()).toEqual(leftovers.sort());
    expect(readdirSync(album).sort()).toEqual([...keep].sort());
  });

  test("spares temps younger than olderThanMs (another run may be writing them)", async () => {
    using dir = createTempDir();
    const fresh = tempPathBeside(join(dir.path, "fresh.mp3"));
    const stale = tempPathBeside(join(dir.path, "stale.mp3"));
    writeFileSync(fresh, "x");
    writeFileSync(stale, "x");
    const now = Date.parse("2026-01-01T12:00:00Z");
    utimesSync(fresh, new Date(now - 60_000), new Date(now - 60_000));
    utimesSync(stale, new Date(now - 7_200_000), new Date(now - 7_200_000));
    const clock: Clock = { now: () => now, sleep: async () => {} };
    expect(await cleanupStaleTemps(dir.path, { olderThanMs: 3_600_000, clock })).toEqual([stale]);
    expect(existsSync(fresh)).toBe(true);
  });

  test("a library nested inside, with its own lock file, is left to its own run", async () => {
    using dir = createTempDir();
    const nested = join(dir.path, "Podcasts");
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, ".musicdl.lock"), "{}");
    const theirs = tempPathBeside(join(nested, "episode.mp3"), { keepExtension: true });
    const ours = tempPathBeside(join(dir.path, "song.mp3"), { keepExtension: true });
    writeFileSync(theirs, "being written by the nested library's run");
    writeFileSync(ours, "left by a killed run");
    for (const file of [theirs, ours]) utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await cleanupStaleTemps(dir.path, { skipFoldersHolding: ".musicdl.lock" })).toEqual([ours]);
    expect(existsSync(theirs)).toBe(true);
  });

  test("a missing folder is nothing to clean", async () =>
    expect(await cleanupStaleTemps("/nonexistent/musicdl/library")).toEqual([]));
});
