/**
 * Checks a bitrate against what the format's encoder takes (the formats table), so a rate the encoder would refuse
 * stops the run before it starts instead of failing every track at conversion.
 */
import { FORMATS } from "../audio/formats.ts";
import type { AudioFormat } from "../plugins/api.ts";
import type { ConfigIssue } from "../errors.ts";

/** An issue when `bitrate` (`320k`, `auto`, `copy`) is outside what `format` can encode; flac and wav take none. */
export function checkBitrateForFormat(format: AudioFormat, bitrate: string, path: string): ConfigIssue | undefined {
  const range = FORMATS[format].kbpsRange;
  if (!range || !/^\d+k$/.test(bitrate)) return undefined;
  const kbps = Number.parseInt(bitrate, 10);
  const [min, max] = range;
  if (kbps >= min && kbps <= max) return undefined;
  return {
    path,
    message: `${format} is encoded at ${min}k to ${max}k, got ${bitrate}; pick a rate in that range, or auto`,
  };
}
