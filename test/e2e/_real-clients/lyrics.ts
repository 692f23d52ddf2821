/** Reads embedded lyrics with mutagen (read-lyrics.py) and with ffprobe, the two readers the lyrics tests trust. */
import { join } from "node:path";
import { FFPROBE } from "../../helpers/make-tone.ts";
import { pythonWithMutagen } from "./mutagen.ts";
import { run } from "./reading.ts";

export interface EmbeddedLyrics {
  /** Unsynchronised lyrics texts (ID3 USLT, MP4 ©lyr, Vorbis LYRICS). */
  readonly plain: string[];
  /** Each SYLT frame's lines as [milliseconds, text]. */
  readonly synced: [number, string][][];
}

export async function readLyricsWithMutagen(files: readonly string[]): Promise<Map<string, EmbeddedLyrics>> {
  const python = await pythonWithMutagen();
  const out = await run([python, join(import.meta.dir, "read-lyrics.py"), ...files]);
  return new Map(Object.entries(JSON.parse(out) as Record<string, EmbeddedLyrics>));
}

/** The lyrics ffprobe shows: a `lyrics` tag, or `lyrics-<lang>` as it names ID3 USLT frames; undefined when none. */
export async function readLyricsWithFfprobe(file: string): Promise<string | undefined> {
  const out = await run([FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
  const json = JSON.parse(out) as {
    format: { tags?: Record<string, string> };
    streams: { tags?: Record<string, string> }[];
  };
  const tags = [json.format.tags, ...json.streams.map((stream) => stream.tags)];
  for (const group of tags) {
    for (const [key, value] of Object.entries(group ?? {})) if (/^lyrics(-|$)/i.test(key)) return value;
  }
  return undefined;
}
