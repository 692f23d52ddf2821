/**
 * A miss says what was tried, spawned against the fakes: when YouTube Music's searches fail and plain YouTube only
 * has decoys, `download` names both providers and YouTube Music's failure beside the rejected candidates, and
 * `match --json` lists a provider whose search failed in `providers_asked` with its `search_errors`.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { runMusicdl, trackUrl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

setDefaultTimeout(60_000);

const dir = createTempDir("musicdl-e2e-miss-search-");
let world: FakeWorld;
let config: string;

beforeAll(async () => {
  world = await startFakeWorld({ catalog: createSmallCatalog(), decoysOnly: new Set([SMALL.trackIds.tideTables]) });
  config = join(dir.path, "musicdl.yaml");
  writeFileSync(config, 'version: "1.2"\ndownload:\n  audio_providers: [youtube-music, youtube]\n');
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

/** YouTube Music's requests for a track with nothing near: the ISRC, the songs and the videos search. */
const MUSIC_SEARCHES = 3;

describe("a miss says what was tried", () => {
  test("download: YouTube Music failing and YouTube's decoys are both in the failure", async () => {
    // 400 is not retried, so exactly YouTube Music's searches fail and plain YouTube's one answers.
    world.youtube.failNext(MUSIC_SEARCHES, { target: "innertube", status: 400 });
    const home = join(dir.path, "home-download");
    const run = await runMusicdl(world, home, [
      "download",
      trackUrl(SMALL.trackIds.tideTables),
      "-c",
      config,
      "-o",
      join(dir.path, "music"),
    ]);
    expect(run.exitCode, run.stderr).toBe(1);
    const failure = run.stderr.split("\n").find((line) => line.includes("failed") && line.includes("Tide Tables"));
    expect(failure).toContain('no acceptable match for "Tide Tables" by Harbor Lights; best: ');
    expect(failure).toContain("(searched youtube-music, youtube; search failed: plugin youtube-music: search() failed");
  });

  test("match --json: a provider whose search failed is listed as asked, with its error", async () => {
    world.youtube.failNext(MUSIC_SEARCHES + 1, { target: "innertube", status: 400 });
    const run = await runMusicdl(world, join(dir.path, "home-match"), [
      "match",
      trackUrl(SMALL.trackIds.tideTables),
      "-c",
      config,
      "--json",
    ]);
    expect(run.exitCode, run.stderr).toBe(1);
    const json = JSON.parse(run.stdout) as { providers_asked: string[]; search_errors: string[]; picked: unknown };
    expect(json.picked).toBeNull();
    expect(json.providers_asked).toEqual(["youtube-music", "youtube"]);
    expect(json.search_errors).toHaveLength(2);
    expect(json.search_errors[0]).toStartWith("plugin youtube-music: search() failed");
    expect(json.search_errors[1]).toStartWith("plugin youtube: search() failed");
  });
});
