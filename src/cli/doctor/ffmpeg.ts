/** Doctor checks for ffmpeg: found (MUSICDL_FFMPEG, ffmpeg-static, PATH) and able to encode every output format. */
import { findFfmpeg, type FfmpegLocation } from "../../audio/ffmpeg-path.ts";
import { FORMATS } from "../../audio/formats.ts";
import type { AudioFormat } from "../../plugins/api.ts";
import { type DoctorCheck, failed, failedWith, passed } from "./check.ts";

/** The encoder each output format is converted with, leaving out those every ffmpeg has (wav's PCM). */
const ENCODER_BY_FORMAT = Object.entries(FORMATS).flatMap(([format, spec]) =>
  spec.encoderAlwaysPresent ? [] : [[format as AudioFormat, spec.encoder] as const],
);

const INSTALL_HINT =
  "Install ffmpeg (Debian/Ubuntu: `sudo apt-get install ffmpeg`, macOS: `brew install ffmpeg`), or set MUSICDL_FFMPEG to its full path.";

export async function checkFfmpeg(
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ checks: DoctorCheck[]; location: FfmpegLocation | null }> {
  let location: FfmpegLocation;
  try {
    location = await findFfmpeg(env);
  } catch (error) {
    return { checks: [failedWith("ffmpeg", error, INSTALL_HINT)], location: null };
  }
  const ffprobe = location.ffprobe ? `, ffprobe ${location.ffprobe}` : ", no ffprobe (probing falls back to ffmpeg -i)";
  return {
    checks: [passed("ffmpeg", `${location.ffmpeg} (from ${location.origin})${ffprobe}`)],
    location,
  };
}

/** `ffmpeg -encoders` lists ` A....D libmp3lame  …`; the second column is the encoder's name. */
export function parseEncoders(text: string): Set<string> {
  const names = text.split("\n").map((line) => /^\s*A[.A-Z]{5}\s+(\S+)/.exec(line)?.[1]);
  return new Set(names.filter((name): name is string => name !== undefined));
}

/** Fails when the configured format cannot be encoded; other missing encoders are only a warning. */
export async function checkEncoders(ffmpeg: string, format: AudioFormat): Promise<DoctorCheck> {
  const proc = Bun.spawn([ffmpeg, "-hide_banner", "-encoders"], { stdout: "pipe", stderr: "ignore", stdin: "ignore" });
  const [text, exitCode] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  if (exitCode !== 0) return failed("encoders", `${ffmpeg} -encoders exited ${exitCode}`, INSTALL_HINT);
  const available = parseEncoders(text);
  const formats = ENCODER_BY_FORMAT;
  const missing = formats.filter(([, encoder]) => !available.has(encoder));
  if (missing.length === 0) return passed("encoders", formats.map(([, encoder]) => encoder).join(", "));
  const listed = missing.map(([name, encoder]) => `${name} (${encoder})`).join(", ");
  const fix =
    "Install a full ffmpeg build (Debian/Ubuntu's `ffmpeg` package has every encoder), or pick another format.";
  if (missing.some(([name]) => name === format)) {
    return failed("encoders", `this ffmpeg cannot encode ${listed}; the config asks for ${format}`, fix);
  }
  return { name: "encoders", status: "warn", summary: `this ffmpeg cannot encode ${listed}`, fix };
}
