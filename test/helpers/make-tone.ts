export type ToneCodec = "opus" | "aac" | "mp3" | "vorbis" | "flac" | "pcm";

const ENCODERS: Record<ToneCodec, readonly string[]> = {
  opus: ["-c:a", "libopus", "-b:a", "96k"],
  aac: ["-c:a", "aac", "-b:a", "128k"],
  mp3: ["-c:a", "libmp3lame", "-b:a", "128k"],
  vorbis: ["-c:a", "libvorbis", "-b:a", "128k"],
  flac: ["-c:a", "flac"],
  pcm: ["-c:a", "pcm_s16le"],
};

/** ffmpeg on PATH; the audio tests need a real one (CI installs it). */
export const FFMPEG = Bun.which("ffmpeg") ?? "ffmpeg";
export const FFPROBE = Bun.which("ffprobe") ?? "ffprobe";

async function ffmpeg(args: readonly string[]): Promise<void> {
  const child = Bun.spawn([FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", ...args], {
    stdout: "ignore",
    stderr: "pipe",
  });
  const [stderr, exitCode] = await Promise.all([new Response(child.stderr).text(), child.exited]);
  if (exitCode !== 0) throw new Error(`ffmpeg ${args.join(" ")} failed: ${stderr}`);
}

/**
 * Writes a stereo 440 Hz tone; the container follows `file`'s extension (`.webm`, `.m4a`, `.ogg`…).
 * `title` puts a source tag in the file, so tests can prove it does not leak into the output.
 */
export async function makeTone(options: {
  codec: ToneCodec;
  seconds: number;
  file: string;
  title?: string;
}): Promise<string> {
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=440:sample_rate=48000:duration=${options.seconds}`,
    "-ac",
    "2",
    ...(options.title ? ["-metadata", `title=${options.title}`] : []),
    ...ENCODERS[options.codec],
    options.file,
  ]);
  return options.file;
}

/**
 * A JPEG cover made fresh for a test: 64×64 solid red (~250 bytes) by default; `large` gives 600×600 noise
 * (~260 KB), bigger than one Ogg page and than a command-line argument may be.
 */
export async function makeCoverJpeg(file: string, options: { large?: boolean } = {}): Promise<Uint8Array> {
  const source = options.large ? "nullsrc=s=600x600,geq=random(1)*255:128:128" : "color=red:s=64x64";
  await ffmpeg(["-f", "lavfi", "-i", source, "-frames:v", "1", "-q:v", "2", "-f", "mjpeg", file]);
  return new Uint8Array(await Bun.file(file).arrayBuffer());
}
