/**
 * Built-in tagger for mp3 (an ID3v2.4 tag in front of the audio) and wav (the same tag in an `id3 ` chunk, and no
 * RIFF INFO: see riff.ts). The frames are written here rather than by node-id3, which writes only ID3v2.3 in
 * UTF-16 (docs/tags.md).
 */
import type { CallOptions, PluginContext, TaggerPlugin, TagSet } from "musicdl/plugin";
import { rewriteFile } from "../_tagging-common/rewrite-file.ts";
import { buildId3Frames } from "./frames.ts";
import { encodeId3v24, withoutLeadingId3v2 } from "./id3v24.ts";
import { isWav, rewriteWavTags } from "./riff.ts";

/** An ID3v2 tag or an MPEG audio frame sync at the start (ffmpeg's mp3 muxer writes one of the two first). */
function isMp3(bytes: Uint8Array): boolean {
  const hasId3 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33;
  return hasId3 || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
}

export function retagId3(bytes: Uint8Array, tags: TagSet): Uint8Array {
  const tag = encodeId3v24(buildId3Frames(tags));
  // The temp file the core hands over may have no extension; the bytes say what it is.
  if (isWav(bytes)) return rewriteWavTags(bytes, tag);
  if (!isMp3(bytes)) throw new Error("neither mp3 nor wav");
  const audio = withoutLeadingId3v2(bytes);
  const out = new Uint8Array(tag.length + audio.length);
  out.set(tag, 0);
  out.set(audio, tag.length);
  return out;
}

export default (_ctx: PluginContext) => {
  async function write(file: string, tags: TagSet, opts: CallOptions): Promise<void> {
    await rewriteFile(file, (bytes) => retagId3(bytes, tags), opts);
  }

  return {
    apiVersion: 1,
    kind: "tagger",
    name: "id3",
    description: "ID3v2.4 tags (UTF-8) for mp3 and wav",
    formats: ["mp3", "wav"],
    write,
  } satisfies TaggerPlugin;
};
