import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { parseFfmpegInfo } from "../../src/audio/_parse-probe.ts";
import { probeAudio } from "../../src/audio/probe.ts";
import { FFMPEG, FFPROBE, makeTone } from "../helpers/make-tone.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const dir = createTempDir();
afterAll(() => dir[Symbol.dispose]());
let opusWebm = "";
let aacM4a = "";
beforeAll(async () => {
  [opusWebm, aacM4a] = await Promise.all([
    makeTone({ codec: "opus", seconds: 2, file: join(dir.path, "tone.webm") }),
    makeTone({ codec: "aac", seconds: 2, file: join(dir.path, "tone.m4a") }),
  ]);
});

describe("probeAudio", () => {
  const withProbe = { ffmpeg: FFMPEG, ffprobe: FFPROBE, origin: "path" } as const;
  const withoutProbe = { ffmpeg: FFMPEG, ffprobe: null, origin: "path" } as const;

  test.each([
    { name: "ffprobe", location: withProbe },
    { name: "ffmpeg -i when there is no ffprobe", location: withoutProbe },
  ])("reads codec, container and duration with $name", async ({ location }) => {
    const opus = await probeAudio(opusWebm, { location });
    expect(opus).toMatchObject({ codec: "opus", container: "webm", sampleRate: 48000, channels: 2 });
    expect(Math.abs(opus.durationMs - 2000)).toBeLessThan(100);
    const aac = await probeAudio(aacM4a, { location });
    expect(aac).toMatchObject({ codec: "aac", container: "mp4", channels: 2 });
    expect(aac.bitrateKbps).toBeGreaterThan(0);
  });

  test("a file that is not audio is a clear error", async () => {
    const notAudio = join(dir.path, "page.html");
    await Bun.write(notAudio, "<html>sign in to confirm you're not a bot</html>");
    await expect(probeAudio(notAudio, { location: withProbe })).rejects.toThrow(
      `could not read the audio in ${notAudio}`,
    );
    await expect(probeAudio(notAudio, { location: withoutProbe })).rejects.toThrow("could not read the audio");
  });
});

describe("parseFfmpegInfo", () => {
  test("reads ffmpeg's banner for a YouTube-style webm", () => {
    const stderr = [
      "Input #0, matroska,webm, from 'x.webm':",
      "  Duration: 00:03:12.50, start: -0.007000, bitrate: 140 kb/s",
      "  Stream #0:0(eng): Audio: opus, 48000 Hz, stereo, fltp (default)",
    ].join("\n");
    expect(parseFfmpegInfo(stderr)).toEqual({
      codec: "opus",
      container: "webm",
      bitrateKbps: 140,
      durationMs: 192_500,
      sampleRate: 48000,
      channels: 2,
    });
  });
});
