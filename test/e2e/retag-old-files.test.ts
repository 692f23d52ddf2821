/**
 * A library written before musicdl followed Picard (UTF-16 multi-value TPE1, one ARTIST per artist, a guessed disc
 * total) is brought to today's tags by `overwrite: metadata`, without downloading anything again.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { createRealClientsCatalog, EXPECTED, IDS } from "./_real-clients/catalog.ts";
import { pythonWithMutagen, readWithMutagen } from "./_real-clients/mutagen.ts";
import { run } from "./_real-clients/reading.ts";
import { listFiles, mediaRequests, runMusicdl } from "../helpers/fake-world-folder.ts";
import { spotifyUrl } from "./_library-run.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

setDefaultTimeout(90_000);

const FORMATS = ["mp3", "flac"] as const;
const dir = createTempDir("musicdl-retag-");
let world: FakeWorld;

function config(format: string, overwrite: string): string {
  const file = join(dir.path, `${format}-${overwrite}.yaml`);
  writeFileSync(
    file,
    [
      'version: "1.2"',
      "download:",
      `  format: ${format}`,
      `  overwrite: ${overwrite}`,
      "playlists:",
      `  - ${spotifyUrl("playlist", IDS.roadTrip)}`,
      "",
    ].join("\n"),
  );
  return file;
}

const libraryOf = (format: string) => join(dir.path, "music", format);
const homeOf = (format: string) => join(dir.path, "home", format);
const filesOf = (format: string) => listFiles(libraryOf(format)).filter((file) => file.endsWith(`.${format}`));
const trackOf = (file: string) => EXPECTED.find((track) => file.includes(` - ${track.title}.`))!;

beforeAll(async () => {
  world = await startFakeWorld({ catalog: createRealClientsCatalog(), audioSeconds: 2, decoys: false });
  await Promise.all(
    FORMATS.map(async (format) => {
      const first = await runMusicdl(world, homeOf(format), [
        "download",
        "-c",
        config(format, "skip"),
        "-o",
        libraryOf(format),
      ]);
      if (first.exitCode !== 0) throw new Error(first.stderr);
    }),
  );
  const files = FORMATS.flatMap(filesOf);
  const python = await pythonWithMutagen();
  await run([
    python,
    join(import.meta.dir, "_real-clients", "write-old-tags.py"),
    ...files.flatMap((file) => [file, trackOf(file).artists.join("|")]),
  ]);
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

test.each(FORMATS)("%s: overwrite: metadata rewrites old tags in place and downloads nothing", async (format) => {
  const files = filesOf(format);
  const before = await readWithMutagen(files);
  // The old layout really is there: every artist as a value of the artist field, a guessed disc total.
  for (const file of files) {
    expect(before.get(file)!.artistValues).toEqual([...trackOf(file).artists]);
    if (format === "mp3") expect(before.get(file)!.id3?.encodings).toEqual([1]); // UTF-16
  }
  const mediaBefore = mediaRequests(world).length;

  const result = await runMusicdl(world, homeOf(format), [
    "download",
    "-c",
    config(format, "metadata"),
    "-o",
    libraryOf(format),
  ]);
  expect(result.exitCode).toBe(0);
  expect(mediaRequests(world).length).toBe(mediaBefore);
  expect(filesOf(format)).toEqual(files);
  const after = await readWithMutagen(files);
  for (const file of files) {
    const track = trackOf(file);
    const reading = after.get(file)!;
    expect(reading.artistValues).toEqual([track.artists.join(", ")]);
    expect(reading.artists).toEqual([...track.artists]);
    expect(reading.disc).toBe(String(track.disc));
    if (reading.id3) expect(reading.id3.encodings).toEqual([3]);
  }
});
