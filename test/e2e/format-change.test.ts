/**
 * A user who changes `download.format` (mp3 → opus) gets the library in the new format: the next run downloads each
 * track again as opus, replaces the mp3 musicdl wrote (no duplicate for players to list twice), points the M3U at
 * the new file, and `overwrite: metadata` after a format change fetches the new format instead of failing to re-tag
 * the old file with the new format's tagger.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMALL } from "../../fakes/spotify/index.ts";
import { albumUrl, listFiles, probeFile, runMusicdl, useFakeWorldFolder } from "../helpers/fake-world-folder.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const folder = useFakeWorldFolder("musicdl-e2e-format-change-");
const { home, library, configFile } = folder;

function download(format: string, overwrite = "skip") {
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      `  format: ${format}`,
      `  overwrite: ${overwrite}`,
      "albums:",
      `  - url: ${albumUrl(SMALL.albumId)}`,
      "    create_m3u: true",
      "",
    ].join("\n"),
  );
  return runMusicdl(folder.world, home, ["download", "-c", configFile, "-o", library]);
}

const audioFiles = () => listFiles(library).filter((file) => !file.endsWith(".m3u8"));
const m3uEntries = () =>
  readFileSync(join(library, "Paper Boats.m3u8"), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));

test("after format: mp3 → opus the library holds opus files only, and the M3U lists them", async () => {
  const first = await download("mp3");
  expect(first.exitCode).toBe(0);
  expect(audioFiles().map((file) => file.slice(-4))).toEqual([".mp3", ".mp3", ".mp3"]);

  const second = await download("opus");
  expect(second.stderr).toContain("tracks: done 3 · skipped 0 · failed 0");
  expect(second.exitCode).toBe(0);
  const files = audioFiles();
  expect(files.map((file) => file.slice(-5))).toEqual([".opus", ".opus", ".opus"]);
  for (const file of files) expect((await probeFile(file)).codec).toBe("opus");
  expect(m3uEntries().every((entry) => entry.endsWith(".opus"))).toBe(true);

  // Nothing changed since: a re-run downloads nothing.
  const third = await download("opus");
  expect(third.stderr).toContain("tracks: done 0 · skipped 3 · failed 0");
});

test("overwrite: metadata after a format change fetches the new format instead of failing every track", async () => {
  const run = await download("flac", "metadata");
  expect(run.stderr).toContain("tracks: done 3 · skipped 0 · failed 0");
  expect(run.exitCode).toBe(0);
  const files = audioFiles();
  expect(files.map((file) => file.slice(-5))).toEqual([".flac", ".flac", ".flac"]);
  for (const file of files) expect((await probeFile(file)).codec).toBe("flac");
});
