/** Built-in tagger for mp3 (an ID3v2.4 tag) and wav (RIFF INFO for simple readers plus an `id3 ` chunk for the rest). */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { CallOptions, PluginContext, TaggerPlugin, TagSet } from "musicdl/plugin";
import NodeID3 from "node-id3";
import { buildId3Tags, buildRiffInfo } from "./frames.ts";
import { isWav, rewriteWavTags } from "./riff.ts";
import { upgradeTagToV24 } from "./v24.ts";

/** Writes beside the file and renames over it, so a crash never leaves a half-tagged file. */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.tagging`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** An ID3v2 tag or an MPEG audio frame sync at the start (ffmpeg's mp3 muxer writes one of the two first). */
function isMp3(bytes: Uint8Array): boolean {
  const hasId3 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33;
  return hasId3 || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
}

export default (_ctx: PluginContext) => {
  async function write(file: string, tags: TagSet, opts: CallOptions): Promise<void> {
    opts.signal?.throwIfAborted();
    const original = await readFile(file);
    const id3Tags = buildId3Tags(tags);
    // The temp file the core hands over may have no extension; the bytes say what it is.
    if (!isWav(original) && !isMp3(original)) throw new Error(`${file} is neither mp3 nor wav`);
    const tagged = isWav(original)
      ? rewriteWavTags(original, buildRiffInfo(tags), upgradeTagToV24(NodeID3.create(id3Tags)))
      : upgradeTagToV24(NodeID3.write(id3Tags, original)); // drops the old ID3v2 tag, prepends the new one
    opts.signal?.throwIfAborted();
    await replaceFile(file, tagged);
  }

  return {
    apiVersion: 1,
    kind: "tagger",
    name: "id3",
    description: "ID3v2.4 tags for mp3 and wav",
    formats: ["mp3", "wav"],
    write,
  } satisfies TaggerPlugin;
};
