import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { convertAudio } from "../../src/audio/convert.ts";
import { probeAudio } from "../../src/audio/probe.ts";
import { MusicdlError } from "../../src/errors.ts";
import { FFMPEG, makeTone } from "../helpers/make-tone.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const dir = createTempDir();
afterAll(() => dir[Symbol.dispose]());
let opusWebm = "";
let aacM4a = "";
let wav = "";
beforeAll(async () => {
  [opusWebm, aacM4a, wav] = await Promise.all([
    makeTone({ codec: "opus", seconds: 2, file: join(dir.path, "tone.webm"), title: "Uploader's video title" }),
    makeTone({ codec: "aac", seconds: 2, file: join(dir.path, "tone.m4a") }),
    makeTone({ codec: "pcm", seconds: 8, file: join(dir.path, "tone.wav") }),
  ]);
});

const opusSource = { codec: "opus", container: "webm", bitrateKbps: 96 };
const aacSource = { codec: "aac", container: "mp4", bitrateKbps: 128 };

describe("convertAudio", () => {
  test("bitrate auto encodes at no more than the rate ffprobe measures, whatever the provider declared", async () => {
    const output = join(dir.path, "declared-too-high.part");
    const declared = { codec: "opus", container: "webm", bitrateKbps: 320 };
    const measured = (await probeAudio(opusWebm)).bitrateKbps!;
    const result = await convertAudio({
      input: opusWebm,
      source: declared,
      output,
      target: { format: "mp3", bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    const kbps = Number(result.args[result.args.indexOf("-b:a") + 1]?.replace("k", ""));
    expect(kbps).toBeLessThanOrEqual(measured);
    expect(kbps).toBeLessThan(320);
  });

  test("opus webm → .ogg is encoded to Vorbis", async () => {
    const output = join(dir.path, "vorbis.part");
    const result = await convertAudio({
      input: opusWebm,
      source: opusSource,
      output,
      target: { format: "ogg", bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    expect(result.streamCopy).toBe(false);
    expect((await probeAudio(output)).codec).toBe("vorbis");
  });

  test.each([
    { name: "opus webm → .opus", input: () => opusWebm, source: opusSource, format: "opus", codec: "opus" },
    { name: "aac m4a → .m4a", input: () => aacM4a, source: aacSource, format: "m4a", codec: "aac" },
  ] as const)("$name copies the stream untouched", async ({ input, source, format, codec }) => {
    const output = join(dir.path, `copy-${format}.part`);
    const result = await convertAudio({
      input: input(),
      source,
      output,
      target: { format, bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    expect(result.streamCopy).toBe(true);
    expect(result.args).toContain("copy");
    const probe = await probeAudio(output);
    expect(probe.codec).toBe(codec);
    expect(Math.abs(probe.durationMs - 2000)).toBeLessThan(1000);
  });

  test("an incompatible codec is encoded, and the source's tags do not leak", async () => {
    const output = join(dir.path, "encoded.part");
    const result = await convertAudio({
      input: opusWebm,
      source: opusSource,
      output,
      target: { format: "mp3", bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    expect(result.streamCopy).toBe(false);
    expect(result.args).toEqual(expect.arrayContaining(["libmp3lame", "-map_metadata", "-1"]));
    expect((await probeAudio(output)).codec).toBe("mp3");
    expect(await Bun.file(output).text()).not.toContain("Uploader's video title");
  });

  test("without a known source it probes the input first", async () => {
    const output = join(dir.path, "probed.part");
    const result = await convertAudio({
      input: opusWebm,
      output,
      target: { format: "opus", bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    expect(result.streamCopy).toBe(true);
  });

  test("aborting kills ffmpeg and leaves no partial file", async () => {
    const abortDir = join(dir.path, "abort");
    mkdirSync(abortDir);
    // A FIFO fed 7 of 8 seconds and held open: ffmpeg analyses the first 5 s, starts writing, then waits for
    // more input forever, so the abort surely lands mid-conversion (no race with a fast encode).
    const fifo = join(dir.path, "stalled.wav");
    expect(Bun.spawnSync(["mkfifo", fifo]).exitCode).toBe(0);
    const output = join(abortDir, "song.opus.part");
    const controller = new AbortController();
    const running = convertAudio({
      input: fifo,
      source: { codec: "pcm_s16le", container: "wav" },
      output,
      target: { format: "opus", bitrate: "128k" },
      ffmpegPath: FFMPEG,
      signal: controller.signal,
    });
    const writer = await open(fifo, "w");
    try {
      const bytes = await Bun.file(wav).bytes();
      await writer.write(bytes.subarray(0, (bytes.length * 7) / 8));
      while (!existsSync(output)) await Bun.sleep(5);
      controller.abort(new Error("user pressed Ctrl-C"));
      await expect(running).rejects.toThrow("user pressed Ctrl-C");
      expect(readdirSync(abortDir)).toEqual([]);
    } finally {
      await writer.close();
    }
  });

  test("an ffmpeg failure carries ffmpeg's own words and removes the output", async () => {
    const broken = join(dir.path, "broken.webm");
    await Bun.write(broken, "not really a webm");
    const output = join(dir.path, "broken.part");
    const error = await convertAudio({
      input: broken,
      source: opusSource,
      output,
      target: { format: "opus", bitrate: "auto" },
      ffmpegPath: FFMPEG,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MusicdlError);
    expect((error as Error).message).toMatch(
      /ffmpeg could not convert .*broken\.webm to opus \(exit \d+\): .*Invalid data/s,
    );
    expect(existsSync(output)).toBe(false);
  });
});
