/**
 * `musicdl match URL` spawned against the fake world with two providers configured: the table shows the song
 * winning and the live video losing on `unwanted-words`; `--json` gives every candidate with its penalties, and a
 * track with only decoys has no pick and exits 1.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import type { CliResult } from "../helpers/run-cli.ts";
import { runMusicdl, trackUrl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

// Spawned runs on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

interface MatchJson {
  providers_asked: string[];
  picked: { provider: string; id: string } | null;
  candidates: {
    provider: string;
    id: string;
    title: string;
    artists: string[];
    duration_ms: number;
    distance: number;
    verdict: string;
    reject_reason: string | null;
    penalties: { name: string; value: number; weight: number; detail: string | null }[];
  }[];
}

const dir = createTempDir("musicdl-e2e-match-");
let world: FakeWorld;
let table: CliResult;
let refused: CliResult;

beforeAll(async () => {
  world = await startFakeWorld({ catalog: createSmallCatalog(), decoysOnly: new Set([SMALL.trackIds.tideTables]) });
  const config = join(dir.path, "musicdl.yaml");
  writeFileSync(config, 'version: "1.2"\ndownload:\n  audio_providers: [youtube-music, youtube]\n');
  const home = join(dir.path, "home");
  [table, refused] = await Promise.all([
    runMusicdl(world, home, ["match", trackUrl(SMALL.trackIds.lanterns), "-c", config, "--all", "--explain"]),
    runMusicdl(world, home, ["match", trackUrl(SMALL.trackIds.tideTables), "-c", config, "--json"]),
  ]);
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

describe("musicdl match", () => {
  test("--explain: the song wins and the live video loses on unwanted-words, providers asked in config order", () => {
    expect(table.exitCode, table.stderr).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines[0]).toBe("Lanterns — Harbor Lights, Mira Vale · 3:21 · ISRC QZHBL2600001");
    const songId = world.videoIdOf(SMALL.trackIds.lanterns);
    expect(lines[2]).toMatch(new RegExp(`^ 1  strong +0\\.00 +song .*youtube-music:${songId}$`));
    const live = lines.findIndex((line) => /Lanterns \(Live\)/.test(line) && line.includes("youtube:"));
    expect(live).toBeGreaterThan(2);
    expect(lines[live]).toMatch(/reject/);
    expect(lines[live + 1]).toContain('rejected: says "live"');
    expect(lines[live + 1]).toContain('unwanted-words 1.00 ("live")');
    expect(table.stdout).toContain("providers asked: youtube-music, youtube");
    expect(table.stdout).toContain(`download would take youtube-music:${songId} (strong, 0.00)`);
  });

  test("--json: a track with only decoys has no pick, exits 1, and each candidate carries its penalties", () => {
    expect(refused.exitCode, refused.stderr).toBe(1);
    const json = JSON.parse(refused.stdout) as MatchJson;
    expectDocumentedJson("match", json);
    expect(json.picked).toBeNull();
    // YouTube Music found nothing strong, so plain YouTube was asked too, as download does.
    expect(json.providers_asked).toEqual(["youtube-music", "youtube"]);
    expect(json.candidates.length).toBeGreaterThan(0);
    for (const candidate of json.candidates) expect(candidate.verdict).toBe("reject");
    const live = json.candidates.find((candidate) => candidate.title === "Tide Tables (Live)");
    expect(live).toMatchObject({ artists: ["Harbor Lights"], duration_ms: 202_000 + 41_000 });
    expect(live?.reject_reason).toContain("live");
    const words = live?.penalties.find((penalty) => penalty.name === "unwanted-words");
    expect(words).toEqual({
      name: "unwanted-words",
      value: 1,
      weight: expect.any(Number),
      detail: expect.stringContaining("live"),
    });
    expect(live?.distance).toBeGreaterThan(0);
  });
});
