import { describe, expect, test } from "bun:test";
import { parseBitrate, planConversion } from "../../src/audio/conversion-plan.ts";
import type { AudioFormat } from "../../src/plugins/api.ts";

const opusWebm = { codec: "opus", container: "webm", bitrateKbps: 130 };
const aacMp4 = { codec: "aac", container: "mp4", bitrateKbps: 128 };
const mp3 = { codec: "mp3", container: "mp3", bitrateKbps: 320 };
const vorbisOgg = { codec: "vorbis", container: "ogg" };
const flac = { codec: "flac", container: "flac" };
const pcm = { codec: "pcm_s24le", container: "wav" };
const flac900 = { codec: "flac", container: "flac", bitrateKbps: 900 };

/** `want` is `copy`, or the encoder and bitrate ffmpeg gets: `libmp3lame 130k`, `flac`. */
function expectedArgs(want: string): string[] {
  const [encoder = "", bitrate] = want.split(" ");
  return ["-c:a", encoder, ...(bitrate ? ["-b:a", bitrate] : [])];
}

describe("planConversion", () => {
  test.each([
    { name: "opus is copied into .opus", source: opusWebm, format: "opus", bitrate: "auto", want: "copy" },
    {
      name: "opus is encoded to Vorbis for .ogg",
      source: opusWebm,
      format: "ogg",
      bitrate: "auto",
      want: "libvorbis 130k",
    },
    { name: "vorbis is copied into .ogg", source: vorbisOgg, format: "ogg", bitrate: "auto", want: "copy" },
    { name: "aac is copied into .m4a", source: aacMp4, format: "m4a", bitrate: "auto", want: "copy" },
    { name: "mp3 is copied into .mp3", source: mp3, format: "mp3", bitrate: "auto", want: "copy" },
    { name: "flac is copied into .flac", source: flac, format: "flac", bitrate: "auto", want: "copy" },
    { name: "any pcm is copied into .wav", source: pcm, format: "wav", bitrate: "auto", want: "copy" },
    {
      name: "an explicit 320k still copies a fitting stream",
      source: opusWebm,
      format: "opus",
      bitrate: "320k",
      want: "copy",
    },
    {
      name: "auto encodes no higher than the source",
      source: opusWebm,
      format: "mp3",
      bitrate: "auto",
      want: "libmp3lame 130k",
    },
    {
      name: "auto, source rate unknown: format default",
      source: vorbisOgg,
      format: "mp3",
      bitrate: "auto",
      want: "libmp3lame 320k",
    },
    { name: "auto caps at the format default", source: flac900, format: "m4a", bitrate: "auto", want: "aac 256k" },
    {
      name: "an explicit rate is used to encode",
      source: opusWebm,
      format: "mp3",
      bitrate: "320K",
      want: "libmp3lame 320k",
    },
    { name: "aac to opus encodes with libopus", source: aacMp4, format: "opus", bitrate: "96k", want: "libopus 96k" },
    {
      name: "aac to ogg encodes with libvorbis",
      source: aacMp4,
      format: "ogg",
      bitrate: "auto",
      want: "libvorbis 128k",
    },
    {
      name: "opus to m4a uses the native aac encoder",
      source: opusWebm,
      format: "m4a",
      bitrate: "auto",
      want: "aac 130k",
    },
    { name: "flac takes no bitrate", source: opusWebm, format: "flac", bitrate: "320k", want: "flac" },
    { name: "wav is 16-bit pcm without a bitrate", source: aacMp4, format: "wav", bitrate: "auto", want: "pcm_s16le" },
  ])("$name", ({ source, format, bitrate, want }) => {
    const plan = planConversion(source, { format: format as AudioFormat, bitrate });
    expect(plan.streamCopy).toBe(want === "copy");
    expect(plan.codecArgs).toEqual(want === "copy" ? ["-c:a", "copy"] : expectedArgs(want));
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
