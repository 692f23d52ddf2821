/**
 * Pins, spawned against the fakes: `musicdl match URL --pin <link>` and `--skip` record a choice that `plan
 * --json` shows and `download` follows without a single search request; config `download.pins` does the same.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { albumUrl, runMusicdl, trackUrl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

setDefaultTimeout(60_000);

/** An upload of Lanterns that search would never pick (its title says nothing), to prove the pin is followed. */
const PINNED_VIDEO = "PinnedVid01";
const dir = createTempDir("musicdl-e2e-pins-");
let world: FakeWorld;

beforeAll(async () => {
  world = await startFakeWorld({ catalog: createSmallCatalog(), audioSeconds: 2 });
  world.youtube.addVideo({
    videoId: PINNED_VIDEO,
    title: "Track 01",
    artists: ["Some Uploader"],
    durationMs: 90_000,
    kind: "video",
    audioSeconds: 2,
  });
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

interface PlanJson {
  items: {
    id: string;
    kind: string;
    status: string;
    pinned?: boolean;
    skip_reason?: string;
    match: { id: string } | null;
  }[];
}

const searches = () => world.youtube.requests.filter((r) => r.path === "/youtubei/v1/search");

describe("pins from musicdl match --pin / --skip", () => {
  const home = () => join(dir.path, "cli-home");
  const music = () => join(dir.path, "cli-music");

  test("--pin and --skip record the choice without searching", async () => {
    const before = searches().length;
    const pin = await runMusicdl(world, home(), [
      "match",
      trackUrl(SMALL.trackIds.lanterns),
      "--pin",
      `https://music.youtube.com/watch?v=${PINNED_VIDEO}`,
    ]);
    expect(pin.exitCode, pin.stderr).toBe(0);
    expect(pin.stdout).toContain(`pinned to youtube-music:${PINNED_VIDEO}`);
    const skip = await runMusicdl(world, home(), ["match", trackUrl(SMALL.trackIds.undertow), "--skip"]);
    expect(skip.exitCode, skip.stderr).toBe(0);
    expect(skip.stdout).toContain("skipped");
    expect(searches().length).toBe(before);
  });

  test("match on a pinned track says what download takes, without searching", async () => {
    const before = searches().length;
    const shown = await runMusicdl(world, home(), ["match", trackUrl(SMALL.trackIds.lanterns)]);
    expect(shown.exitCode, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(`download takes youtube-music:${PINNED_VIDEO} without searching`);
    const skipped = await runMusicdl(world, home(), ["match", trackUrl(SMALL.trackIds.undertow), "--json"]);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ pinned: true, skipped: true, picked: null });
    expectDocumentedJson("match", JSON.parse(skipped.stdout));
    expect(searches().length).toBe(before);
  });

  test("plan --json shows pinned: true and the skip", async () => {
    const plan = await runMusicdl(world, home(), ["plan", albumUrl(SMALL.albumId), "-o", music(), "--json"]);
    expect(plan.exitCode, plan.stderr).toBe(0);
    const items = (JSON.parse(plan.stdout) as PlanJson).items;
    const lanterns = items.find((item) => item.id === `track:spotify:${SMALL.trackIds.lanterns}`)!;
    expect(lanterns.pinned).toBe(true);
    expect(lanterns.match?.id).toBe(PINNED_VIDEO);
    const undertow = items.find((item) => item.id === `track:spotify:${SMALL.trackIds.undertow}`)!;
    expect(undertow).toMatchObject({ status: "skipped", skip_reason: "skipped by pin" });
    expect(items.find((item) => item.id === `track:spotify:${SMALL.trackIds.tideTables}`)?.pinned).toBe(false);
  });

  test("download takes the pinned video with no search for it, and reports the skipped track as skipped", async () => {
    world.youtube.requests.length = 0;
    const run = await runMusicdl(world, home(), [
      "download",
      albumUrl(SMALL.albumId),
      "-o",
      music(),
      "--format",
      "opus",
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(world.youtube.downloadsOf(PINNED_VIDEO).length).toBeGreaterThan(0);
    const queries = searches().map((r) => r.query ?? "");
    expect(queries.some((query) => query.includes("Lanterns") || query === SMALL.isrc.lanterns)).toBe(false);
    expect(queries.some((query) => query.includes("Undertow") || query === SMALL.isrc.undertow)).toBe(false);
    expect(world.youtube.downloadsOf(world.videoIdOf(SMALL.trackIds.undertow))).toHaveLength(0);
    expect(run.stderr).toMatch(/skipped 1/);
  });
});

describe("pins from the config file", () => {
  test("download.pins pins one track and skips another, with no search for either", async () => {
    const config = join(dir.path, "musicdl.yaml");
    writeFileSync(
      config,
      [
        'version: "1.2"',
        "download:",
        "  pins:",
        `    ${trackUrl(SMALL.trackIds.lanterns)}: https://www.youtube.com/watch?v=${PINNED_VIDEO}`,
        `    ${trackUrl(SMALL.trackIds.undertow)}: skip`,
        "",
      ].join("\n"),
    );
    world.youtube.requests.length = 0;
    const home = join(dir.path, "config-home");
    const music = join(dir.path, "config-music");
    const run = await runMusicdl(world, home, [
      "download",
      albumUrl(SMALL.albumId),
      "-c",
      config,
      "-o",
      music,
      "--format",
      "opus",
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(world.youtube.downloadsOf(PINNED_VIDEO).length).toBeGreaterThan(0);
    const queries = searches().map((r) => r.query ?? "");
    expect(queries.some((query) => query.includes("Lanterns") || query.includes("Undertow"))).toBe(false);
    expect(run.stderr).toMatch(/skipped 1/);
  });

  test("a pin that names nothing fetchable is a config error naming the field", async () => {
    const config = join(dir.path, "bad.yaml");
    writeFileSync(
      config,
      `version: "1.2"\ndownload:\n  pins:\n    ${trackUrl(SMALL.trackIds.lanterns)}: https://example.com/song\n`,
    );
    const run = await runMusicdl(world, join(dir.path, "bad-home"), ["plan", albumUrl(SMALL.albumId), "-c", config]);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain("pins");
    expect(run.stderr).not.toContain("    at ");
  });
});
