/** Contract helpers on real audio: make a short tone with ffmpeg, and ask ffprobe what a file really is. */
import { join } from "node:path";
import type { AudioFormat } from "../src/plugins/api.ts";

export interface ProbedAudio {
  /** ffprobe's `format_name`, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  readonly formatNames: readonly string[];
  /** Codec of the first audio stream, e.g. `opus`, `aac`. */
  readonly codec: string | null;
  readonly durationS: number;
}

const CODEC_ARGS: Record<AudioFormat, string[]> = {
  mp3: ["-c:a", "libmp3lame", "-b:a", "64k"],
  m4a: ["-c:a", "aac", "-b:a", "64k"],
  opus: ["-c:a", "libopus", "-b:a", "48k"],
  ogg: ["-c:a", "libvorbis", "-q:a", "1"],
  flac: ["-c:a", "flac"],
  wav: ["-c:a", "pcm_s16le"],
};

function tool(name: "ffmpeg" | "ffprobe"): string {
  const path = Bun.which(name);
  if (!path) throw new Error(`${name} is needed for the plugin contract suites; install it on PATH`);
  return path;
}

async function run(command: string[]): Promise<string> {
  const proc = Bun.spawn(command, { stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (code !== 0) throw new Error(`${command[0]} failed (${code}): ${stderr.slice(-500)}`);
  return stdout;
}

/** A `seconds`-long 440 Hz tone as `<dir>/<name>.<format>`. */
export async function makeToneFile(dir: string, format: AudioFormat, name = "tone", seconds = 1): Promise<string> {
  const file = join(dir, `${name}.${format}`);
  await run([
    tool("ffmpeg"),
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=440:duration=${seconds}`,
    ...CODEC_ARGS[format],
    file,
  ]);
  return file;
}

export async function probeAudio(file: string): Promise<ProbedAudio> {
  const json = JSON.parse(
    await run([tool("ffprobe"), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]),
  ) as {
    format?: { format_name?: string; duration?: string };
    streams?: { codec_type?: string; codec_name?: string }[];
  };
  const audio = json.streams?.find((stream) => stream.codec_type === "audio");
  return {
    formatNames: (json.format?.format_name ?? "").split(",").filter(Boolean),
    codec: audio?.codec_name ?? null,
    durationS: Number(json.format?.duration ?? 0),
  };
}
