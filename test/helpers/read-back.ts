/** Independent readers for written tags: music-metadata (the native frames too) and ffprobe. */
import { type IAudioMetadata, parseFile } from "music-metadata";
import { FFPROBE } from "./make-tone.ts";

export function readTags(file: string): Promise<IAudioMetadata> {
  return parseFile(file, { duration: true });
}

/** Every value of a native tag id, whichever tag format holds it (`TXXX:SPOTIFY_ID`, `SPOTIFY_ID`, `rtng`…). */
export function nativeValues(metadata: IAudioMetadata, id: string): unknown[] {
  return Object.values(metadata.native)
    .flat()
    .filter((tag) => tag.id === id)
    .map((tag) => tag.value);
}

export interface FfprobeView {
  /** Format and first-stream tags, keys lower-cased (ffmpeg's Ogg reader keeps Vorbis keys upper-case). */
  readonly tags: Record<string, string>;
  readonly audioCodec: string | undefined;
  readonly hasCoverStream: boolean;
}

export async function ffprobeTags(file: string): Promise<FfprobeView> {
  const child = Bun.spawn([FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], {
    stdout: "pipe",
    stderr: "pipe",
  });
  const json = JSON.parse(await new Response(child.stdout).text()) as {
    format: { tags?: Record<string, string> };
    streams: {
      codec_type: string;
      codec_name: string;
      disposition?: { attached_pic?: number };
      tags?: Record<string, string>;
    }[];
  };
  const audio = json.streams.find((stream) => stream.codec_type === "audio");
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...audio?.tags, ...json.format.tags })) tags[key.toLowerCase()] = value;
  return {
    tags,
    audioCodec: audio?.codec_name,
    hasCoverStream: json.streams.some((stream) => stream.disposition?.attached_pic === 1),
  };
}

/** Decodes the whole file; returns ffmpeg's complaints (empty when the audio is intact). */
export async function decodeErrors(ffmpeg: string, file: string): Promise<string> {
  const child = Bun.spawn([ffmpeg, "-nostdin", "-v", "error", "-i", file, "-map", "0:a", "-f", "null", "-"], {
    stdout: "ignore",
    stderr: "pipe",
  });
  const [stderr] = await Promise.all([new Response(child.stderr).text(), child.exited]);
  return stderr.trim();
}
