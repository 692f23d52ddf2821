/**
 * Lyrics, spawned CLI against the fakes (fake Spotify, fake YouTube, fake LRCLIB): every format carries the lyrics
 * a reader sees (mutagen, ffprobe), the `.lrc` beside the audio holds timed lines in order, an instrumental gets
 * none, a re-run asks LRCLIB nothing, a library of an earlier run gets its lyrics without a download, and
 * `--prune` takes the `.lrc` with its track.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { syncedLinesOf } from "../../fakes/lrclib/index.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import type { CliResult } from "../helpers/run-cli.ts";
import { albumUrl, listFiles, mediaRequests, runMusicdl } from "../helpers/fake-world-folder.ts";
import { createLibraryRun } from "./_library-run.ts";
import { readLyricsWithFfprobe, readLyricsWithMutagen } from "./_real-clients/lyrics.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(120_000);

const FORMATS = ["mp3", "m4a", "opus", "ogg", "flac", "wav"] as const;
const dir = createTempDir("musicdl-e2e-lyrics-");
const libraryOf = (name: string) => join(dir.path, name, "music");
const paperBoats = (format: string, file: string) =>
  join(libraryOf(format), "Harbor Lights", "Paper Boats", `${file}.${format}`);
const duet = (format: string) => join(libraryOf(format), "Mira Vale", "Mira Vale Live", `01 - Duet (Live).${format}`);
const plainOf = (title: string) => syncedLinesOf(title).map((line) => line.replace(/^\[[^\]]*\]\s*/, ""));
const lrcOf = (audio: string) => audio.replace(/\.[^.]+$/, ".lrc");

let world: FakeWorld;
const runs = new Map<string, CliResult>();

beforeAll(async () => {
  // LRCLIB has synced lyrics for Lanterns and Tide Tables, plain ones for Duet, and knows Undertow is instrumental.
  world = await startFakeWorld({
    catalog: createSmallCatalog(),
    audioSeconds: 2,
    formatsOf: () => ["opus"],
    lyricsOf: (track) =>
      track.name === "Undertow" ? "instrumental" : track.name === "Duet (Live)" ? "plain" : "synced",
  });
  await Promise.all(
    FORMATS.map(async (format) => {
      const args = ["download", albumUrl(SMALL.albumId), albumUrl(SMALL.appearsOnId), "-o", libraryOf(format)];
      runs.set(format, await runMusicdl(world, join(dir.path, format), [...args, "--format", format]));
    }),
  );
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

describe("lyrics in every format", () => {
  test.each(FORMATS)("%s: mutagen and ffprobe read the words; the instrumental has none", async (format) => {
    expect(runs.get(format)?.exitCode).toBe(0);
    const lanterns = paperBoats(format, "01 - Lanterns");
    const undertow = paperBoats(format, "01 - Undertow");
    const files = [lanterns, paperBoats(format, "02 - Tide Tables"), undertow, duet(format)];
    const read = await readLyricsWithMutagen(files);
    expect(read.get(lanterns)?.plain).toEqual([plainOf("Lanterns").join("\n")]);
    expect(read.get(files[1]!)?.plain).toEqual([plainOf("Tide Tables").join("\n")]);
    expect(read.get(duet(format))?.plain).toEqual([plainOf("Duet (Live)").join("\n")]);
    expect(read.get(undertow)).toEqual({ plain: [], synced: [] });
    // ID3 carries the timed lines too (SYLT, milliseconds); the plain-only Duet has none.
    const synced = format === "mp3" || format === "wav";
    expect(read.get(lanterns)?.synced).toEqual(
      synced
        ? [
            [
              [500, "First line of Lanterns"],
              [1200, "Second line of Lanterns"],
              [2050, "Last line of Lanterns"],
            ],
          ]
        : [],
    );
    expect(read.get(duet(format))?.synced).toEqual([]);
    expect(await readLyricsWithFfprobe(lanterns)).toBe(plainOf("Lanterns").join("\n"));
    expect(await readLyricsWithFfprobe(undertow)).toBeUndefined();
  });

  test("an .lrc beside each track with lyrics holds its timed lines in order; none for the instrumental", () => {
    const files = listFiles(libraryOf("flac")).map((file) => file.slice(libraryOf("flac").length + 1));
    expect(files).toEqual([
      "Harbor Lights/Paper Boats/01 - Lanterns.flac",
      "Harbor Lights/Paper Boats/01 - Lanterns.lrc",
      "Harbor Lights/Paper Boats/01 - Undertow.flac",
      "Harbor Lights/Paper Boats/02 - Tide Tables.flac",
      "Harbor Lights/Paper Boats/02 - Tide Tables.lrc",
      "Mira Vale/Mira Vale Live/01 - Duet (Live).flac",
      "Mira Vale/Mira Vale Live/01 - Duet (Live).lrc",
    ]);
    const lines = readFileSync(lrcOf(paperBoats("flac", "02 - Tide Tables")), "utf8")
      .trimEnd()
      .split("\n");
    const timed = lines.filter((line) => /^\[\d\d:\d\d\.\d\d\]/.test(line));
    expect(timed).toEqual(syncedLinesOf("Tide Tables").map((line) => line.replace("] ", "]")));
    const times = timed.map((line) => line.slice(1, 9));
    expect(times).toEqual([...times].sort());
    expect(lines.slice(0, 3)).toEqual(["[ar:Harbor Lights]", "[ti:Tide Tables]", "[al:Paper Boats]"]);
    // Plain-only lyrics: the words, one per line, for players that show an untimed .lrc as text.
    expect(readFileSync(lrcOf(duet("flac")), "utf8")).toContain(plainOf("Duet (Live)").join("\n"));
  });

  test("a re-run asks LRCLIB nothing and downloads nothing", async () => {
    const lrclibBefore = world.lrclib.requests.length;
    const mediaBefore = mediaRequests(world).length;
    const args = ["download", albumUrl(SMALL.albumId), albumUrl(SMALL.appearsOnId), "-o", libraryOf("mp3")];
    const again = await runMusicdl(world, join(dir.path, "mp3"), args);
    expect(again.exitCode).toBe(0);
    expect(world.lrclib.requests.length - lrclibBefore).toBe(0);
    expect(mediaRequests(world).length - mediaBefore).toBe(0);
  });
});

describe("lyrics for a library of an earlier run, and --prune", () => {
  test("lyrics off, then on: the files get lyrics without a download; then --prune removes the .lrc too", async () => {
    using library = createLibraryRun(world);
    library.writeConfig({ albums: [albumUrl(SMALL.albumId)] }, "  lyrics: false");
    expect((await library.run()).exitCode).toBe(0);
    const lanterns = join(library.library, "Harbor Lights", "Paper Boats", "01 - Lanterns.opus");
    expect((await readLyricsWithMutagen([lanterns])).get(lanterns)?.plain).toEqual([]);
    expect(existsSync(lrcOf(lanterns))).toBe(false);

    library.writeConfig({ albums: [albumUrl(SMALL.albumId)] }, "  lyrics: [lrclib]\n  lyrics_output: both");
    const mediaBefore = mediaRequests(world).length;
    const on = await library.run();
    expect(on.exitCode).toBe(0);
    expect(mediaRequests(world).length - mediaBefore).toBe(0);
    expect((await readLyricsWithMutagen([lanterns])).get(lanterns)?.plain).toEqual([plainOf("Lanterns").join("\n")]);
    expect(readFileSync(lrcOf(lanterns), "utf8")).toContain("[00:00.50]First line of Lanterns");

    const lrclibBefore = world.lrclib.requests.length;
    expect((await library.run()).exitCode).toBe(0);
    expect(world.lrclib.requests.length - lrclibBefore).toBe(0);

    // The album leaves the config: --prune deletes its audio and the .lrc files musicdl wrote beside it.
    library.writeConfig({ albums: [albumUrl(SMALL.appearsOnId)] }, "  lyrics: [lrclib]");
    expect((await library.run(["--prune"])).exitCode).toBe(0);
    expect(existsSync(lanterns)).toBe(false);
    expect(existsSync(lrcOf(lanterns))).toBe(false);
    expect(library.audioFiles()).toEqual(["Mira Vale/Mira Vale Live/01 - Duet (Live).opus"]);
  });

  test("lyrics_output: lrc writes the .lrc only; embed writes no .lrc", async () => {
    using lrcOnly = createLibraryRun(world);
    lrcOnly.writeConfig({ albums: [albumUrl(SMALL.appearsOnId)] }, "  lyrics_output: lrc");
    expect((await lrcOnly.run()).exitCode).toBe(0);
    const duetLrc = join(lrcOnly.library, "Mira Vale", "Mira Vale Live", "01 - Duet (Live).opus");
    expect((await readLyricsWithMutagen([duetLrc])).get(duetLrc)?.plain).toEqual([]);
    expect(existsSync(lrcOf(duetLrc))).toBe(true);

    using embedOnly = createLibraryRun(world);
    embedOnly.writeConfig({ albums: [albumUrl(SMALL.appearsOnId)] }, "  lyrics_output: embed");
    expect((await embedOnly.run()).exitCode).toBe(0);
    const duetEmbed = join(embedOnly.library, "Mira Vale", "Mira Vale Live", "01 - Duet (Live).opus");
    expect((await readLyricsWithMutagen([duetEmbed])).get(duetEmbed)?.plain).toEqual([
      plainOf("Duet (Live)").join("\n"),
    ]);
    expect(existsSync(lrcOf(duetEmbed))).toBe(false);
  });
});
