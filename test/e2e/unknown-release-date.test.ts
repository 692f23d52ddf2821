/**
 * Spotify answers `release_date: "0000"` for some old albums (a recorded playlist holds one): the files get no date
 * tag rather than the year 0 that mpd, beets and Picard would show, and `{year}` in the template renders empty
 * rather than making a `0000` folder.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { ffprobeTags } from "../helpers/read-back.ts";
import { albumUrl, listFiles, runMusicdl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const dir = createTempDir("musicdl-e2e-unknown-date-");
const home = join(dir.path, "home");
const configFile = join(dir.path, "musicdl.yaml");
let world: FakeWorld;

beforeAll(async () => {
  const catalog = createSmallCatalog();
  const single = catalog.albums.get(SMALL.singleAlbumId)!;
  catalog.albums.set(single.id, { ...single, releaseDate: "0000", releaseDatePrecision: "year" });
  world = await startFakeWorld({ catalog });
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

test.each(["mp3", "flac", "m4a"])("a %s of an album dated 0000 has no date tag and no 0000 folder", async (format) => {
  const library = join(dir.path, format);
  writeFileSync(
    configFile,
    [
      'version: "1.2"',
      "download:",
      `  format: ${format}`,
      '  output: "{artist}/{year} {album}/{title}.{output-ext}"',
      "  lyrics: false",
      "albums:",
      `  - ${albumUrl(SMALL.singleAlbumId)}`,
      "",
    ].join("\n"),
  );
  const run = await runMusicdl(world, home, ["download", "-c", configFile, "-o", library]);
  expect(run.exitCode).toBe(0);
  const files = listFiles(library);
  expect(files.map((file) => file.slice(library.length + 1))).toEqual([`Harbor Lights/Lanterns/Lanterns.${format}`]);
  const { tags } = await ffprobeTags(files[0]!);
  expect(tags.title).toBe("Lanterns");
  expect(tags.date).toBeUndefined();
});
