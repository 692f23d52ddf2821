/**
 * `musicdl download <album> --format F` for every format, spawned against the fake world: the file lands at the
 * templated path, plays for as long as the audio YouTube served, and an independent reader finds every tag.
 * Opus → .opus and AAC → .m4a are stream copies, shown by the output codec and the `--debug` ffmpeg command:
 * for m4a the AAC stream (itag 140) is downloaded even when Opus is offered too, and .ogg is Vorbis.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { FFPROBE } from "../helpers/make-tone.ts";
import type { CliResult } from "../helpers/run-cli.ts";
import { readTags } from "../helpers/read-back.ts";
import { albumUrl, listFiles, probeFile, runMusicdl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const FORMATS = ["mp3", "m4a", "opus", "ogg", "flac", "wav"] as const;
const AUDIO_SECONDS = 2;

/** What the album's three tracks must look like on disk (default template) and in their tags. */
const PAPER_BOATS = [
  {
    file: "01 - Lanterns",
    title: "Lanterns",
    artists: ["Harbor Lights", "Mira Vale"],
    track: 1,
    tracksOnDisc: 2,
    disc: 1,
    isrc: SMALL.isrc.lanterns,
  },
  {
    file: "02 - Tide Tables",
    title: "Tide Tables",
    artists: ["Harbor Lights"],
    track: 2,
    tracksOnDisc: 2,
    disc: 1,
    isrc: SMALL.isrc.tideTables,
  },
  {
    file: "01 - Undertow",
    title: "Undertow",
    artists: ["Harbor Lights"],
    track: 1,
    tracksOnDisc: 1,
    disc: 2,
    isrc: SMALL.isrc.undertow,
  },
];

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const dir = createTempDir("musicdl-e2e-formats-");
let world: FakeWorld;
const runs = new Map<string, CliResult>();
const libraryOf = (name: string) => join(dir.path, name, "music");
const DUET_M4A = join(libraryOf("m4a"), "Mira Vale", "Mira Vale Live", "01 - Duet (Live).m4a");

beforeAll(async () => {
  // The Mira Vale Live album's only track is offered as AAC only (itag 140), like many older uploads.
  world = await startFakeWorld({
    catalog: createSmallCatalog(),
    audioSeconds: AUDIO_SECONDS,
    // Undertow is offered as Opus only, so m4a must encode it.
    formatsOf: (trackId) =>
      trackId === SMALL.appearsOnTrackId ? ["aac"] : trackId === SMALL.trackIds.undertow ? ["opus"] : undefined,
  });
  // One run per format, all at once: each has its own library and store, so they cannot disturb each other.
  // The m4a run also takes the AAC-only album, so one run shows both the copy and the encode.
  await Promise.all(
    FORMATS.map(async (format) => {
      const albums = format === "m4a" ? [SMALL.albumId, SMALL.appearsOnId] : [SMALL.albumId];
      const args = ["download", ...albums.map(albumUrl), "-o", libraryOf(format), "--format", format, "--debug"];
      if (format === "m4a") args.push("--bitrate", "auto");
      runs.set(format, await runMusicdl(world, join(dir.path, format), args));
    }),
  );
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

describe("download --format", () => {
  test.each(FORMATS)("%s: every track is at its templated path, plays, and has complete tags", async (format) => {
    const run = runs.get(format)!;
    expect(run.exitCode).toBe(0);
    const albumDir = join(libraryOf(format), "Harbor Lights", "Paper Boats");
    const expected = PAPER_BOATS.map((track) => join(albumDir, `${track.file}.${format}`));
    if (format === "m4a") expected.push(DUET_M4A);
    expect(listFiles(libraryOf(format))).toEqual(expected.sort());

    for (const track of PAPER_BOATS) {
      const file = join(albumDir, `${track.file}.${format}`);
      const probe = await probeFile(file);
      expect(Math.abs(probe.durationS - AUDIO_SECONDS)).toBeLessThan(1);
      const metadata = await readTags(file);
      const common = metadata.common;
      expect(common.title).toBe(track.title);
      // Picard's layout: the display string in the artist field, each artist in ARTISTS.
      expect(common.artist).toBe(track.artists.join(", "));
      expect(common.artists).toEqual(track.artists);
      expect(common.album).toBe("Paper Boats");
      expect(common.albumartist).toBe("Harbor Lights");
      // Picard's totaltracks counts the tracks of one disc.
      expect(common.track).toEqual({ no: track.track, of: track.tracksOnDisc });
      expect(common.disk).toEqual({ no: track.disc, of: 2 });
      expect(common.date).toBe("2024-05-17");
      expect(common.isrc).toEqual([track.isrc]);
      expect(common.picture?.length).toBe(1);
      expect(common.picture?.[0]?.data.length).toBeGreaterThan(0);
    }
  });

  test("opus from YouTube is copied into .opus, not re-encoded", async () => {
    const files = listFiles(libraryOf("opus"));
    for (const file of files) expect((await probeFile(file)).codec).toBe("opus");
    const ffmpegLines = runs
      .get("opus")!
      .stderr.split("\n")
      .filter((line) => line.includes("ffmpeg ("));
    expect(ffmpegLines).toHaveLength(3);
    for (const line of ffmpegLines) expect(line).toMatch(/ffmpeg \(stream copy\): .* -c:a copy -f opus /);
  });

  test("--format m4a --bitrate auto takes the AAC stream (itag 140) and copies it: codec and bit rate equal the source", async () => {
    const stderr = runs.get("m4a")!.stderr;
    const ffmpegLines = stderr.split("\n").filter((line) => line.includes("ffmpeg ("));
    const copies = ffmpegLines.filter((line) => line.includes("(stream copy)"));
    // Lanterns and Tide Tables (both streams offered) and the AAC-only duet: all copied from itag 140.
    expect(copies).toHaveLength(3);
    for (const line of copies) expect(line).toMatch(/\.140\.m4a .* -c:a copy -f ipod /);
    const lanterns = join(libraryOf("m4a"), "Harbor Lights", "Paper Boats", "01 - Lanterns.m4a");
    const source = await probeStream(await world.youtube.audioFile(world.videoIdOf(SMALL.trackIds.lanterns), 140));
    const output = await probeStream(lanterns);
    expect(output).toEqual(source);
    expect(output.codec).toBe("aac");
    // Undertow is offered as Opus only: encoded, at no more than the stream's measured rate.
    const encodes = ffmpegLines.filter((line) => line.includes("(encode)"));
    expect(encodes).toHaveLength(1);
    expect(encodes[0]).toMatch(/\.251\.webm .* -c:a aac -b:a \d+k -f ipod /);
    const opusRate = (await probeStream(await world.youtube.audioFile(world.videoIdOf(SMALL.trackIds.undertow), 251)))
      .bitRate;
    expect(Number(/-b:a (\d+)k/.exec(encodes[0]!)?.[1]) * 1000).toBeLessThanOrEqual(Math.round(opusRate / 1000) * 1000);
  });

  test("--format ogg writes Vorbis, not Opus in Ogg", async () => {
    const files = listFiles(libraryOf("ogg"));
    expect(files.length).toBe(3);
    for (const file of files) expect((await probeFile(file)).codec).toBe("vorbis");
  });
});

/** ffprobe's codec and bit rate of the first audio stream. */
async function probeStream(file: string): Promise<{ codec: string; bitRate: number }> {
  const child = Bun.spawn(
    [
      FFPROBE,
      "-v",
      "error",
      "-select_streams",
      "a:0",
      "-show_entries",
      "stream=codec_name,bit_rate:format=bit_rate",
      "-of",
      "json",
      file,
    ],
    { stdout: "pipe", stderr: "pipe" },
  );
  const json = JSON.parse(await new Response(child.stdout).text()) as {
    streams: { codec_name: string; bit_rate?: string }[];
    format: { bit_rate?: string };
  };
  const stream = json.streams[0]!;
  // WebM keeps no per-stream rate: the container's is the audio's there.
  return { codec: stream.codec_name, bitRate: Number(stream.bit_rate ?? json.format.bit_rate) };
}
