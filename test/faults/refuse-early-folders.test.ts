/**
 * What a run cannot do without — a writable library, cache and scratch folder, ffmpeg, an openable cache file, a
 * bitrate the encoder takes — is checked before the first request: exit 2 and one paragraph, not a failure per track.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.ts";
import { makeReadOnlyFolder } from "../helpers/fault-mounts.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

const requests = () => lw.world.spotify.requests.length + lw.world.youtube.requests.length;

/** Runs `download` with one config and extra args/env; asserts exit 2, no request at all, and returns stderr. */
async function refused(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const { configFile, library } = lw.writeConfig(name);
  const before = requests();
  const result = await runCli(["download", "-c", configFile, "-o", library, ...args], { env: { ...lw.env, ...env } });
  expect(result.exitCode).toBe(2);
  expect(requests()).toBe(before);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(2); // the error and its hint
  return result.stderr;
}

test("a library folder that cannot be written stops the run before any request", async () => {
  const library = join(lw.dir, "readonly-library");
  using _readOnly = makeReadOnlyFolder(library);
  const stderr = await refused("ro-library", ["-o", join(library, "music")]);
  expect(stderr).toStartWith(`error: cannot write to the library folder ${join(library, "music")} (`);
  expect(stderr).toContain("-o/--output");
});

test("a cache folder that cannot be written stops the run before any request", async () => {
  const { configFile } = lw.writeConfig("ro-cache");
  const cacheDir = join(lw.dir, "ro-cache-state"); // the cache_path folder writeConfig names
  using _readOnly = makeReadOnlyFolder(cacheDir);
  const stderr = await refused("ro-cache", ["-c", configFile]);
  expect(stderr).toStartWith(`error: cannot write to the cache folder ${cacheDir} (`);
});

test("a temp folder that cannot be written (read-only /tmp) stops the run once, naming TMPDIR", async () => {
  const temp = join(lw.dir, "readonly-tmp");
  using _readOnly = makeReadOnlyFolder(temp);
  const stderr = await refused("ro-tmp", [], { TMPDIR: temp });
  expect(stderr).toStartWith(`error: cannot write to the download scratch folder ${temp}/musicdl-`);
  expect(stderr).toContain("set TMPDIR to a writable folder");
});

test("a missing ffmpeg exits 2 before any request", async () => {
  const stderr = await refused("no-ffmpeg", [], { MUSICDL_FFMPEG: join(lw.dir, "no-such-ffmpeg") });
  expect(stderr).toStartWith(
    `error: MUSICDL_FFMPEG points to ${join(lw.dir, "no-such-ffmpeg")}, which does not exist.`,
  );
});

test("a cache file that cannot be opened exits 2 before any request", async () => {
  const { configFile, library, cachePath } = lw.writeConfig("dir-cache");
  mkdirSync(cachePath, { recursive: true }); // a folder where the sqlite file should be
  const before = requests();
  const result = await runCli(["download", "-c", configFile, "-o", library], { env: lw.env });
  expect(result.exitCode).toBe(2);
  expect(requests()).toBe(before);
  expect(result.stderr).toStartWith(`error: cannot open the cache file ${cachePath}`);
});

test.each([
  [
    ["--bitrate", "0k"],
    'error: command line, --bitrate: expected a bitrate from 8k to 510k, or auto, or copy, got "0k"',
  ],
  [["--bitrate", "999999k"], "error: command line, --bitrate: expected a bitrate from 8k to 510k"],
  [["--bitrate", "400k", "--format", "mp3"], "error: command line, --bitrate: mp3 is encoded at 8k to 320k, got 400k"],
])("download %p exits 2 before any request", async (args, message) => {
  expect(await refused(`bitrate-${args[1]}`, args)).toStartWith(message);
});

test("a bitrate out of range in the file exits 2 naming its line", async () => {
  const { configFile, library } = lw.writeConfig("file-bitrate");
  writeFileSync(configFile, `version: "1.2"\ndownload:\n  format: opus\n  bitrate: 0k\nsongs: []\n`);
  const result = await runCli(["download", "-c", configFile, "-o", library], { env: lw.env });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("line 4, download.bitrate: expected a bitrate from 8k to 510k");
  expect(readdirSync(lw.dir)).not.toContain("file-bitrate");
});
