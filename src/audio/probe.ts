/** Asks ffprobe (or, without it, `ffmpeg -i`) what audio a file holds. */
import { MusicdlError } from "../errors.ts";
import { type AudioProbe, parseFfmpegInfo, parseFfprobeJson } from "./_parse-probe.ts";
import { DEFAULT_STALL_MS, runProcess, stderrTail } from "./_run-process.ts";
import { findFfmpeg, type FfmpegLocation } from "./ffmpeg-path.ts";

export type { AudioProbe } from "./_parse-probe.ts";

export interface ProbeOptions {
  readonly signal?: AbortSignal;
  /** Defaults to {@link findFfmpeg}'s answer. */
  readonly location?: FfmpegLocation;
  /** Stop ffprobe when it makes no progress (prints nothing) for this long; default 60 s. */
  readonly stallMs?: number;
}

/**
 * Codec, container, bitrate and duration of the first audio stream.
 *
 * @example
 * ```ts
 * await probeAudio("/tmp/x.webm"); // { codec: "opus", container: "webm", bitrateKbps: 130, durationMs: 212_040, … }
 * ```
 */
export async function probeAudio(file: string, options: ProbeOptions = {}): Promise<AudioProbe> {
  const location = options.location ?? (await findFfmpeg());
  const run = { signal: options.signal, stallMs: options.stallMs ?? DEFAULT_STALL_MS, doing: `reading ${file}` };
  if (location.ffprobe) {
    const argv = [location.ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams"];
    const result = await runProcess([...argv, "-select_streams", "a:0", file], run);
    const probe = result.exitCode === 0 ? parseFfprobeJson(result.stdout) : null;
    if (!probe) throw unreadable(file, result.stderr);
    return probe;
  }
  // `ffmpeg -i` with no output exits 1 by design; the banner on stderr is what we read.
  const result = await runProcess([location.ffmpeg, "-hide_banner", "-nostdin", "-i", file], run);
  const probe = parseFfmpegInfo(result.stderr);
  if (!probe) throw unreadable(file, result.stderr);
  return probe;
}

function unreadable(file: string, stderr: string): MusicdlError {
  const tail = stderrTail(stderr.split("\n").slice(-3).join(" "), 400);
  const why = tail ? `: ${tail}` : " (no audio stream)";
  return new MusicdlError(`could not read the audio in ${file}${why}`, {
    hint: "The download may be incomplete or not audio; it is retried on the next run.",
  });
}
