/** Decides how ffmpeg turns a downloaded stream into the target format: copy it untouched or encode it. Pure. */
import { UsageError } from "../errors.ts";
import type { AudioFormat } from "../plugins/api.ts";
import { FORMATS } from "./formats.ts";

export interface ConversionSource {
  /** ffmpeg codec name of the downloaded stream (`opus`, `aac`, `mp3`, `vorbis`, `flac`, `pcm_s16le`…). */
  readonly codec: string;
  readonly container: string;
  readonly bitrateKbps?: number;
}

export interface ConversionTarget {
  readonly format: AudioFormat;
  /** `auto`, `copy`, or an explicit rate like `320k` (config `download.bitrate`). */
  readonly bitrate: string;
}

export interface ConversionPlan {
  /** True when the audio packets are copied as they are (no generation loss, no CPU). */
  readonly streamCopy: boolean;
  /** ffmpeg output options for the audio stream, e.g. `["-c:a", "libopus", "-b:a", "128k"]`. */
  readonly codecArgs: readonly string[];
  /** ffmpeg muxer for `-f`, since the caller writes to a temp name whose extension ffmpeg cannot guess from. */
  readonly muxer: string;
  /** File extension without the dot: `mp3`, `m4a`, `opus`, `ogg`, `flac`, `wav`. */
  readonly extension: string;
  /** Set when the plan differs from what was asked (e.g. `copy` had to encode); worth a log line. */
  readonly note?: string;
}

/**
 * Bitrate rules, decided once for every format:
 * - the stream is copied whenever its codec fits the target container, whatever `bitrate` says: re-encoding a
 *   lossy stream only loses quality, and a larger number cannot bring back what the source never had;
 * - `auto` encodes an incompatible stream at no more than the source's bitrate (more bits would only add size);
 * - `copy` with an incompatible stream cannot copy, so it encodes as `auto` does and says so in `note`;
 * - an explicit rate (`320k`) is used as given when encoding;
 * - flac and wav are lossless: no bitrate, and loudness is never touched (no filters at all).
 *
 * @example
 * ```ts
 * planConversion({ codec: "opus", container: "webm", bitrateKbps: 130 }, { format: "opus", bitrate: "auto" });
 * // { streamCopy: true, codecArgs: ["-c:a", "copy"], muxer: "opus", extension: "opus" }
 * ```
 */
export function planConversion(source: ConversionSource, target: ConversionTarget): ConversionPlan {
  const spec = FORMATS[target.format];
  const requested = parseBitrate(target.bitrate);
  const base = { muxer: spec.muxer, extension: spec.extension };
  if (spec.fits(source.codec)) return { ...base, streamCopy: true, codecArgs: ["-c:a", "copy"] };

  const codecArgs = ["-c:a", spec.encoder];
  if (spec.defaultKbps !== null) {
    const kbps = requested === "auto" || requested === "copy" ? capToSource(spec.defaultKbps, source) : requested;
    codecArgs.push("-b:a", `${kbps}k`);
  }
  const note =
    requested === "copy"
      ? `${source.codec} audio cannot be copied into .${target.format}; encoding it with ${spec.encoder} instead`
      : undefined;
  return { ...base, streamCopy: false, codecArgs, ...(note ? { note } : {}) };
}

function capToSource(defaultKbps: number, source: ConversionSource): number {
  return source.bitrateKbps && source.bitrateKbps > 0 ? Math.min(defaultKbps, source.bitrateKbps) : defaultKbps;
}

/** `auto`, `copy`, `320k`/`320K` → 320. Config validation should have caught anything else. */
export function parseBitrate(bitrate: string): "auto" | "copy" | number {
  const text = bitrate.trim().toLowerCase();
  if (text === "auto" || text === "copy") return text;
  const match = /^(\d{1,4})k$/.exec(text);
  const kbps = match ? Number(match[1]) : Number.NaN;
  if (!(kbps >= 8 && kbps <= 1536)) {
    throw new UsageError(`bitrate "${bitrate}" is not understood`, {
      hint: 'Use "auto", "copy" or a rate like "320k".',
    });
  }
  return kbps;
}
