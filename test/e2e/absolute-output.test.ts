/**
 * An `output:` template written as an absolute path (`/music/{artist}/…`, the common form in Go-era Docker configs)
 * or from the home folder (`~/Music/{artist}/…`) writes there, whatever folder musicdl runs from: its fixed leading
 * folders are the library folder (M3U files beside them), not folders created under the working directory.
 */
import { beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMALL } from "../../fakes/spotify/index.ts";
import { listFiles, runMusicdl, useFakeWorldFolder } from "../helpers/fake-world-folder.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const folder = useFakeWorldFolder("musicdl-e2e-absolute-output-");
const { home, configFile } = folder;
const workdir = join(folder.root, "cron-cwd");

beforeAll(() => {
  mkdirSync(workdir, { recursive: true });
});

function writeConfig(output: string): void {
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      `  output: "${output}"`,
      "  lyrics: false",
      "albums:",
      `  - url: https://open.spotify.com/album/${SMALL.singleAlbumId}`,
      "    create_m3u: true",
      "",
    ].join("\n"),
  );
}

test("an absolute output template writes the tracks and the M3U under its own folder, not under the working directory", async () => {
  const library = join(folder.root, "srv", "music");
  writeConfig(`${library}/{artist}/{album}/{title}.{output-ext}`);
  const run = await runMusicdl(folder.world, home, ["download", "-c", configFile], workdir);
  expect(run.stderr).toContain("tracks: done 1 · skipped 0 · failed 0 · M3U files written 1");
  expect(run.exitCode).toBe(0);
  expect(listFiles(library).map((file) => file.slice(library.length + 1))).toEqual([
    "Harbor Lights/Lanterns/Lanterns.mp3",
    "Lanterns.m3u8",
  ]);
  expect(listFiles(workdir)).toEqual([]);
});

test("a template starting with ~/ is read from the home folder", async () => {
  writeConfig("~/Music/{artist}/{title}.{output-ext}");
  const run = await runMusicdl(folder.world, home, ["plan", "--json", "-c", configFile], workdir);
  expect(run.exitCode).toBe(0);
  const plan = JSON.parse(run.stdout) as { items: { kind: string; target: string }[] };
  expect(plan.items.map((item) => [item.kind, item.target])).toEqual([
    ["track", join(home, "Music", "Harbor Lights", "Lanterns.mp3")],
    ["m3u", join(home, "Music", "Lanterns.m3u8")],
  ]);
});

test("-o names the library folder instead of the template's fixed folders", async () => {
  writeConfig("/srv/music/{artist}/{title}.{output-ext}");
  const library = join(folder.root, "elsewhere");
  const run = await runMusicdl(folder.world, home, ["plan", "--json", "-c", configFile, "-o", library], workdir);
  expect(run.exitCode).toBe(0);
  const plan = JSON.parse(run.stdout) as { items: { kind: string; target: string }[] };
  expect(plan.items.map((item) => item.target)).toEqual([
    join(library, "Harbor Lights", "Lanterns.mp3"),
    join(library, "Lanterns.m3u8"),
  ]);
});
