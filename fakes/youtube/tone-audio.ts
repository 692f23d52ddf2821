/** Real audio for the fake YouTube: a short sine tone per video, made by ffmpeg on first use and cached. */
import { stat } from "node:fs/promises";
import { join } from "node:path";

export type FakeItag = 251 | 140;

export interface ToneFile {
  readonly path: string;
  readonly sizeBytes: number;
}

/** A pitch per video (220–880 Hz, from its id), so two videos of a small catalog almost never share bytes. */
function frequencyOf(videoId: string): number {
  let hash = 0;
  for (const char of videoId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 220 + (hash % 661);
}

const ENCODINGS: Record<FakeItag, { args: string[]; ext: string; sampleRate: number }> = {
  // YouTube's 251 is Opus in WebM at 48 kHz; 140 is AAC-LC in MP4 (m4a) at 44.1 kHz.
  251: { args: ["-c:a", "libopus", "-b:a", "48k", "-f", "webm"], ext: "webm", sampleRate: 48_000 },
  140: { args: ["-c:a", "aac", "-b:a", "64k", "-f", "mp4"], ext: "m4a", sampleRate: 44_100 },
};

export function createToneCache(options: { dir: string; ffmpegPath: string }) {
  const made = new Map<string, Promise<ToneFile>>();

  async function generate(frequency: number, itag: FakeItag, seconds: number): Promise<ToneFile> {
    const encoding = ENCODINGS[itag];
    const path = join(options.dir, `${frequency}hz-${seconds}s.${itag}.${encoding.ext}`);
    const source = `sine=frequency=${frequency}:duration=${seconds}:sample_rate=${encoding.sampleRate}`;
    const args = ["-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", source, ...encoding.args, path];
    const proc = Bun.spawn([options.ffmpegPath, ...args], { stdout: "ignore", stderr: "pipe" });
    const [exitCode, stderr] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
    if (exitCode !== 0) throw new Error(`fake YouTube: ffmpeg failed for ${path}: ${stderr.trim()}`);
    return { path, sizeBytes: (await stat(path)).size };
  }

  return {
    /**
     * The file for one video and itag, generated once per pitch and length: the bytes depend on nothing else, and
     * a 10,000-video bench then runs ffmpeg a few hundred times instead of 10,000.
     */
    file(videoId: string, itag: FakeItag, seconds: number): Promise<ToneFile> {
      const frequency = frequencyOf(videoId);
      const key = `${frequency}/${itag}/${seconds}`;
      let file = made.get(key);
      if (!file) {
        file = generate(frequency, itag, seconds);
        made.set(key, file);
      }
      return file;
    },
  };
}
