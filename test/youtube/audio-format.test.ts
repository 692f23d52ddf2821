/** The audio stream choice follows the target format: AAC for m4a, Opus otherwise first; never a video stream. */
import { expect, test } from "bun:test";
import { pickAudioFormat, type StreamFormat } from "../../plugins/_youtube-common/audio-format.ts";

// Shapes and bitrates of shared/fixtures/youtube-music/player.json's adaptiveFormats.
const format = (itag: number, mimeType: string, bitrate: number, extra: Partial<StreamFormat> = {}): StreamFormat => ({
  itag,
  mimeType,
  bitrate,
  hasAudio: mimeType.startsWith("audio/"),
  hasVideo: mimeType.startsWith("video/"),
  isDrc: false,
  url: `https://x.googlevideo.com/videoplayback?itag=${itag}`,
  ...extra,
});
const f251 = format(251, 'audio/webm; codecs="opus"', 146_084);
const f250 = format(250, 'audio/webm; codecs="opus"', 80_000);
const f140 = format(140, 'audio/mp4; codecs="mp4a.40.2"', 130_518);
const f139 = format(139, 'audio/mp4; codecs="mp4a.40.5"', 49_000);
const f243 = format(243, 'video/webm; codecs="vp9"', 500_000);
const f251drc = format(251, 'audio/webm; codecs="opus"', 150_000, { isDrc: true });

test.each([
  { name: "Opus 251 wins over AAC 140 and video", formats: [f243, f140, f251, f250], want: [251, "opus", "webm"] },
  { name: "Opus wins even at a lower bitrate than AAC", formats: [f140, f250], want: [250, "opus", "webm"] },
  { name: "AAC 140 when there is no Opus", formats: [f243, f139, f140], want: [140, "aac", "mp4"] },
  { name: "the plain stream beats its DRC variant", formats: [f251drc, f251], want: [251, "opus", "webm"] },
])("$name", ({ formats, want }) => {
  const choice = pickAudioFormat(formats);
  expect([choice?.format.itag, choice?.codec, choice?.container]).toEqual([...want]);
  expect(choice?.format.isDrc).toBe(false);
});

test("no audio-only stream → null", () => expect(pickAudioFormat([f243])).toBeNull());

const f141 = format(141, 'audio/mp4; codecs="mp4a.40.2"', 255_000);
const f774 = format(774, 'audio/webm; codecs="opus"', 256_000);

test.each([
  { name: "m4a takes AAC 140 over Opus 251, to copy it", target: "m4a", formats: [f251, f140, f243], want: 140 },
  { name: "m4a in a Premium session takes AAC 141 (256 kbps)", target: "m4a", formats: [f251, f140, f141], want: 141 },
  { name: "m4a without an AAC stream takes Opus (to encode)", target: "m4a", formats: [f251, f250], want: 251 },
  { name: "opus takes Opus 251 over AAC 140", target: "opus", formats: [f140, f251], want: 251 },
  { name: "opus in a Premium session takes Opus 774", target: "opus", formats: [f251, f774, f141], want: 774 },
  { name: "ogg (encoded) takes the best stream, Opus", target: "ogg", formats: [f140, f251], want: 251 },
  { name: "mp3 (encoded) takes the best stream, Opus", target: "mp3", formats: [f140, f251], want: 251 },
])("$name", ({ target, formats, want }) => {
  expect(pickAudioFormat(formats, target)?.format.itag).toBe(want);
});
