/** The output formats musicdl writes, once: each one's file extension, ffmpeg encoder and muxer, and bitrates. */
import type { AudioFormat } from "../plugins/api.ts";

export interface FormatSpec {
  /** File extension without the dot. */
  readonly extension: string;
  /** The ffmpeg encoder a stream that does not fit is converted with. */
  readonly encoder: string;
  /** True when every ffmpeg build has the encoder (plain PCM), so `doctor` need not look for it. */
  readonly encoderAlwaysPresent: boolean;
  /** ffmpeg muxer for `-f`, since the converter writes to a temp name whose extension ffmpeg cannot guess from. */
  readonly muxer: string;
  /** Source codecs this container holds as they are. */
  readonly fits: (codec: string) => boolean;
  /** kbps used when nothing better is known; null for lossless targets (no bitrate option). */
  readonly defaultKbps: number | null;
  /**
   * The rates the encoder takes (measured with this ffmpeg: libmp3lame tops out at 320k, libvorbis refuses under
   * ~45k at 44.1/48 kHz stereo); null for lossless targets, which take none.
   */
  readonly kbpsRange: readonly [number, number] | null;
}

export const FORMATS: Readonly<Record<AudioFormat, FormatSpec>> = {
  mp3: spec("mp3", "libmp3lame", "mp3", (c) => c === "mp3", 320, [8, 320]),
  m4a: spec("m4a", "aac", "ipod", (c) => c === "aac" || c === "alac", 256, [8, 510]),
  opus: spec("opus", "libopus", "opus", (c) => c === "opus", 160, [8, 510]),
  // .ogg means Vorbis to players and users alike; Opus belongs in .opus.
  ogg: spec("ogg", "libvorbis", "ogg", (c) => c === "vorbis", 192, [48, 500]),
  flac: spec("flac", "flac", "flac", (c) => c === "flac", null, null),
  wav: { ...spec("wav", "pcm_s16le", "wav", (c) => c.startsWith("pcm_"), null, null), encoderAlwaysPresent: true },
};

/** Every format, in the order docs and messages list them (api.ts is types-only, so this is the run-time list). */
export const AUDIO_FORMATS = Object.keys(FORMATS) as unknown as readonly [AudioFormat, ...AudioFormat[]];

function spec(
  extension: string,
  encoder: string,
  muxer: string,
  fits: (codec: string) => boolean,
  defaultKbps: number | null,
  kbpsRange: readonly [number, number] | null,
): FormatSpec {
  return { extension, encoder, encoderAlwaysPresent: false, muxer, fits, defaultKbps, kbpsRange };
}
