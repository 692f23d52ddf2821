/**
 * Folders emptied by musicdl go with the files: `--prune` of an album leaves no empty `Artist/Album/` folder behind,
 * nor does a track written again elsewhere (a new template and format); a folder still holding anything (a file of
 * the user's, another album) stays, and so does the library folder itself.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMALL } from "../../fakes/spotify/index.ts";
import { albumUrl, listFiles, runMusicdl, useFakeWorldFolder } from "../helpers/fake-world-folder.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const folder = useFakeWorldFolder("musicdl-e2e-prune-folders-");
const { home, library, configFile } = folder;

function download(albumIds: string[], options: { format?: string; output?: string; prune?: boolean } = {}) {
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      `  format: ${options.format ?? "mp3"}`,
      ...(options.output ? [`  output: "${options.output}"`] : []),
      "  lyrics: false",
      "albums:",
      ...albumIds.map((id) => `  - ${albumUrl(id)}`),
      "",
    ].join("\n"),
  );
  return runMusicdl(folder.world, home, [
    "download",
    "-c",
    configFile,
    "-o",
    library,
    ...(options.prune ? ["--prune"] : []),
  ]);
}

const relativeFiles = () => listFiles(library).map((file) => file.slice(library.length + 1));

test("--prune removes the folders it emptied, and keeps those still holding a file", async () => {
  expect((await download([SMALL.albumId, SMALL.appearsOnId])).exitCode).toBe(0);
  expect(existsSync(join(library, "Mira Vale", "Mira Vale Live"))).toBe(true);
  // The artist folder holds a file of the user's as well.
  writeFileSync(join(library, "Mira Vale", "notes.txt"), "mine");

  const pruned = await download([SMALL.albumId], { prune: true });
  expect(pruned.exitCode).toBe(0);
  expect(pruned.stderr).toContain("1 file(s) musicdl wrote for tracks no source lists were deleted (--prune)");
  expect(readdirSync(library).sort()).toEqual(["Harbor Lights", "Mira Vale"]);
  expect(readdirSync(join(library, "Mira Vale"))).toEqual(["notes.txt"]);
});

test("a track written again under a new template and format leaves no empty folder where it was", async () => {
  const run = await download([SMALL.albumId], { format: "opus", output: "{album}/{title}.{output-ext}" });
  expect(run.exitCode).toBe(0);
  expect(relativeFiles()).toEqual([
    "Mira Vale/notes.txt",
    "Paper Boats/Lanterns.opus",
    "Paper Boats/Tide Tables.opus",
    "Paper Boats/Undertow.opus",
  ]);
  expect(readdirSync(library).sort()).toEqual(["Mira Vale", "Paper Boats"]);
});
