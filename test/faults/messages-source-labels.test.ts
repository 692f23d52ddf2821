/**
 * Issue 15, findings 2 and 3: without --debug, no printed line repeats a link and none starts with an empty label,
 * for a source Spotify does not know and for an album Spotify returns with an empty name and an unavailable track.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { runCli } from "../helpers/run-cli.ts";

const MISSING_TRACK = "0NoSuchTrack0000000001";
let world: FakeWorld;
let dir: string;

beforeAll(async () => {
  const catalog = createSmallCatalog();
  catalog.albums.get(SMALL.albumId)!.name = "";
  world = await startFakeWorld({
    catalog,
    decoys: false,
    spotifySwitches: { unavailableTrackIds: [SMALL.trackIds.undertow] },
  });
  dir = mkdtempSync(join(tmpdir(), "musicdl-faults-labels-"));
});
afterAll(async () => {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every link printed on one line, counted. */
function repeatedLinks(line: string): string[] {
  const links: string[] = line.match(/https:\/\/open\.spotify\.com\/[a-z]+\/[A-Za-z0-9]+/g) ?? [];
  return links.filter((link, index) => links.indexOf(link) !== index);
}

/** Runs `download` over the given config sections; returns every non-empty printed line. */
async function download(name: string, sections: string[]) {
  const configFile = join(dir, `${name}.yaml`);
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      "  format: opus",
      `  cache_path: ${join(dir, `${name}-state`, "musicdl.sqlite")}`,
      "  download_rate_limit_enabled: false",
      ...sections,
      "",
    ].join("\n"),
  );
  const result = await runCli(["download", "--config", configFile, "--output", join(dir, name)], {
    cwd: dir,
    env: { ...world.env, HOME: dir, XDG_CACHE_HOME: join(dir, "cache"), XDG_CONFIG_HOME: join(dir, "config") },
  });
  const lines = `${result.stdout}\n${result.stderr}`.split("\n").filter((line) => line.trim());
  return { exitCode: result.exitCode, lines };
}

const emptyLabel = (line: string) =>
  /^\s*(\[?(warn|error|WARN|ERROR)\]?)?\s*: /.test(line) || /(album|playlist) ""/.test(line);

test("a source Spotify does not know is reported with its link and line, the link once", async () => {
  const { exitCode, lines } = await download("unknown", [
    "songs:",
    `  - https://open.spotify.com/track/${MISSING_TRACK}`,
  ]);
  expect(exitCode).toBe(1);
  const failure = lines.filter((line) => line.includes(MISSING_TRACK));
  expect(failure.length).toBeGreaterThan(0);
  expect(failure.join("\n")).toContain("line 7");
  expect(lines.filter((line) => repeatedLinks(line).length > 0)).toEqual([]);
  expect(lines.filter(emptyLabel)).toEqual([]);
}, 60_000);

test('an album Spotify names "" is named by its link in its warning, not by an empty label', async () => {
  const { exitCode, lines } = await download("nameless", [
    "albums:",
    `  - https://open.spotify.com/album/${SMALL.albumId}?si=abc`,
  ]);
  expect(exitCode).toBe(0);
  const warning = lines.find((line) => line.includes("skipped 1 unavailable track"));
  expect(warning).toContain(`https://open.spotify.com/album/${SMALL.albumId}`);
  expect(lines.filter((line) => repeatedLinks(line).length > 0)).toEqual([]);
  expect(lines.filter(emptyLabel)).toEqual([]);
}, 60_000);
