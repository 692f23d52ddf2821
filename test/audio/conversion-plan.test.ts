import { describe, expect, test } from "bun:test";
import { parseBitrate, planConversion } from "../../src/audio/conversion-plan.ts";
import type { AudioFormat } from "../../src/plugins/api.ts";

const opusWebm = { codec: "opus", container: "webm", bitrateKbps: 130 };
const aacMp4 = { codec: "aac", container: "mp4", bitrateKbps: 128 };
const mp3 = { codec: "mp3", container: "mp3", bitrateKbps: 320 };
const vorbisOgg = { codec: "vorbis", container: "ogg" };
const flac = { codec: "flac", container: "flac" };
const pcm = { codec: "pcm_s24le", container: "wav" };

describe("planConversion", () => {
  test.each([
    { name: "opus is copied into .opus", source: opusWebm, format: "opus", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "opus is copied into .ogg", source: opusWebm, format: "ogg", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "vorbis is copied into .ogg", source: vorbisOgg, format: "ogg", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "aac is copied into .m4a", source: aacMp4, format: "m4a", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "mp3 is copied into .mp3", source: mp3, format: "mp3", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "flac is copied into .flac", source: flac, format: "flac", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "any pcm is copied into .wav", source: pcm, format: "wav", bitrate: "auto", copy: true, args: ["-c:a", "copy"] },
    { name: "an explicit 320k still copies a fitting stream", source: opusWebm, format: "opus", bitrate: "320k", copy: true, args: ["-c:a", "copy"] },
    { name: "auto encodes mp3 no higher than the source", source: opusWebm, format: "mp3", bitrate: "auto", copy: false, args: ["-c:a", "libmp3lame", "-b:a", "130k"] },
    { name: "auto without a known source rate uses the format default", source: vorbisOgg, format: "mp3", bitrate: "auto", copy: false, args: ["-c:a", "libmp3lame", "-b:a", "320k"] },
    { name: "auto caps at the format default", source: { ...flac, bitrateKbps: 900 }, format: "m4a", bitrate: "auto", copy: false, args: ["-c:a", "aac", "-b:a", "256k"] },
    { name: "an explicit rate is used when encoding", source: opusWebm, format: "mp3", bitrate: "320K", copy: false, args: ["-c:a", "libmp3lame", "-b:a", "320k"] },
    { name: "aac to opus encodes with libopus", source: aacMp4, format: "opus", bitrate: "96k", copy: false, args: ["-c:a", "libopus", "-b:a", "96k"] },
    { name: "aac to ogg encodes with libvorbis", source: aacMp4, format: "ogg", bitrate: "auto", copy: false, args: ["-c:a", "libvorbis", "-b:a", "128k"] },
    { name: "opus to m4a encodes with the native aac encoder", source: opusWebm, format: "m4a", bitrate: "auto", copy: false, args: ["-c:a", "aac", "-b:a", "130k"] },
    { name: "flac takes no bitrate", source: opusWebm, format: "flac", bitrate: "320k", copy: false, args: ["-c:a", "flac"] },
    { name: "wav is 16-bit pcm without a bitrate", source: aacMp4, format: "wav", bitrate: "auto", copy: false, args: ["-c:a", "pcm_s16le"] },
  ])("$name", ({ source, format, bitrate, copy, args }) => {
    const plan = planConversion(source, { format: format as AudioFormat, bitrate });
    expect(plan.streamCopy).toBe(copy);
    expect(plan.codecArgs).toEqual(args);
    expect(plan.extension).toBe(format);
  });

  test("copy with a stream that cannot be copied encodes and says why", () => {
    const plan = planConversion(opusWebm, { format: "mp3", bitrate: "copy" });
    expect(plan.streamCopy).toBe(false);
    expect(plan.codecArgs).toEqual(["-c:a", "libmp3lame", "-b:a", "130k"]);
    expect(plan.note).toContain("cannot be copied into .mp3");
  });

  test("each format names the muxer ffmpeg needs for an extensionless temp file", () => {
    const muxers = (["mp3", "m4a", "opus", "ogg", "flac", "wav"] as const).map(
      (format) => planConversion(opusWebm, { format, bitrate: "auto" }).muxer,
    );
    expect(muxers).toEqual(["mp3", "ipod", "opus", "ogg", "flac", "wav"]);
  });
});

describe("parseBitrate", () => {
  test.each([
    { input: "auto", want: "auto" },
    { input: "copy", want: "copy" },
    { input: "128k", want: 128 },
    { input: " 320K ", want: 320 },
  ])("$input", ({ input, want }) => expect(parseBitrate(input)).toBe(want as never));

  test.each(["320", "fast", "0k", "99999k"])("%p is rejected with the accepted forms", (input) => {
    expect(() => parseBitrate(input)).toThrow(/not understood/);
  });
});
