/**
 * The bitrates each format's encoder takes (measured with this ffmpeg: libmp3lame tops out at 320k, libvorbis
 * refuses under ~45k at 44.1/48 kHz stereo), so a rate the encoder would refuse stops the run before it starts
 * instead of failing every track at conversion.
 */
import type { AudioFormat } from "../plugins/api.ts";
import type { ConfigIssue } from "../errors.ts";

const RANGE_KBPS: Readonly<Partial<Record<AudioFormat, readonly [number, number]>>> = {
  mp3: [8, 320],
  m4a: [8, 510],
  opus: [8, 510],
  ogg: [48, 500],
};

/** An issue when `bitrate` (`320k`, `auto`, `copy`) is outside what `format` can encode; flac and wav take none. */
export function checkBitrateForFormat(format: AudioFormat, bitrate: string, path: string): ConfigIssue | undefined {
  const range = RANGE_KBPS[format];
  if (!range || !/^\d+k$/.test(bitrate)) return undefined;
  const kbps = Number.parseInt(bitrate, 10);
  const [min, max] = range;
  if (kbps >= min && kbps <= max) return undefined;
  return {
    path,
    message: `${format} is encoded at ${min}k to ${max}k, got ${bitrate}; pick a rate in that range, or auto`,
  };
}
