/**
 * One `download` driven in-process against the fakes (the CLI tests spawn it): the result the CLI renders matches what
 * reached the disk, a re-run finds everything present, and a dropped source is pruned with its M3U file.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFfmpeg } from "../../src/audio/ffmpeg-path.ts";
import { openSession } from "../../src/cli/session.ts";
import type { ExecutorEvent } from "../../src/plan/events.ts";
import { type DownloadResult, downloadLibrary } from "../../src/plan/download-library.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";

let world: FakeWorld;
let root: string;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  world = await startFakeWorld({ catalog: createSmallCatalog(), audioSeconds: 2, formatsOf: () => ["opus"] });
  root = mkdtempSync(join(tmpdir(), "musicdl-download-library-"));
  // The session reads the services' addresses and credentials from the environment, as the CLI does.
  for (const [key, value] of Object.entries(world.env)) {
    savedEnv[key] = process.env[key];
    process.env[key] = value;
  }
});

afterAll(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await world.stop();
  rmSync(root, { recursive: true, force: true });
});

const library = () => join(root, "music");
const configFile = () => join(root, "musicdl.yaml");
const audioFiles = () =>
  existsSync(library())
    ? (readdirSync(library(), { recursive: true }) as string[]).filter((path) => path.endsWith(".opus")).sort()
    : [];
const m3uFiles = () => (existsSync(library()) ? readdirSync(library()).filter((name) => name.endsWith(".m3u8")) : []);

function writeConfig(sources: string): void {
  writeFileSync(
    configFile(),
    [
      'version: "1.2"',
      "download:",
      `  cache_path: ${JSON.stringify(join(root, "cache.sqlite"))}`,
      '  output: "{artist}/{album}/{track-number} - {title}.{output-ext}"',
      "  format: opus",
      "  lyrics: false",
      sources,
    ].join("\n"),
  );
}

async function download(prune = false): Promise<{ result: DownloadResult; events: ExecutorEvent[] }> {
  const { ffmpeg } = await findFfmpeg();
  const session = await openSession({
    args: { config: configFile(), output: library(), quiet: true, _: [] },
    ffmpegPath: ffmpeg,
    checkFolders: true,
  });
  const events: ExecutorEvent[] = [];
  try {
    const result = await downloadLibrary({
      ...session,
      ffmpegPath: ffmpeg,
      signal: new AbortController().signal,
      onEvent: (event) => events.push(event),
      wait: false,
      prune,
      sourcesGiven: false,
    });
    return { result, events };
  } finally {
    await session.close();
  }
}

test("a first run downloads an album and writes its M3U; a re-run finds it all present; --prune removes a dropped source", async () => {
  writeConfig(
    [
      "albums:",
      `  - url: https://open.spotify.com/album/${SMALL.albumId}`,
      "    create_m3u: true",
      "songs:",
      `  - https://open.spotify.com/track/${SMALL.appearsOnTrackId}`,
    ].join("\n"),
  );
  const first = await download();
  expect(first.result.summary.trackCounts.done).toBe(4);
  expect(first.result.summary.trackCounts.failed).toBe(0);
  expect(first.result.summary.m3uWritten).toBe(1);
  expect(first.result.failuresFile).toBeNull();
  expect(first.result.failedSources).toEqual([]);
  expect(audioFiles()).toHaveLength(4);
  expect(m3uFiles()).toHaveLength(1);
  expect(first.events.filter((event) => event.type === "item-end" && event.status === "done")).toHaveLength(5);

  const again = await download();
  expect(again.result.summary.trackCounts.done).toBe(0);
  expect(again.result.summary.trackCounts.skipped).toBe(4);
  expect(again.result.removed).toBe(0);

  // The album goes from the config: its three tracks are removed from the plan, and --prune deletes their files
  // and the album's M3U file, keeping the song still listed.
  writeConfig(["songs:", `  - https://open.spotify.com/track/${SMALL.appearsOnTrackId}`].join("\n"));
  const pruned = await download(true);
  expect(pruned.result.removed).toBe(3);
  expect(pruned.result.pruned).toBe(3);
  expect(pruned.result.prunedM3u).toBe(1);
  expect(audioFiles()).toHaveLength(1);
  expect(m3uFiles()).toEqual([]);
});
