/**
 * Built-in tagger for opus, ogg and flac: Vorbis comments with one ARTIST per artist and the cover as a FLAC
 * picture (a PICTURE block in flac, METADATA_BLOCK_PICTURE in Ogg). Written directly, since ffmpeg 5.1 joins
 * repeated keys and cannot attach pictures to Ogg.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { CallOptions, PluginContext, TaggerPlugin, TagSet } from "musicdl/plugin";
import { isFlac, retagFlac } from "./flac.ts";
import { isOgg, retagOgg } from "./ogg.ts";

export default (_ctx: PluginContext) => {
  async function write(file: string, tags: TagSet, opts: CallOptions): Promise<void> {
    opts.signal?.throwIfAborted();
    const original = await readFile(file);
    // The temp file the core hands over may have no extension; the bytes say what it is.
    if (!isFlac(original) && !isOgg(original)) throw new Error(`${file} is neither FLAC nor Ogg`);
    let tagged: Uint8Array;
    try {
      tagged = isFlac(original) ? retagFlac(original, tags) : retagOgg(original, tags);
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    opts.signal?.throwIfAborted();
    // Beside the file, then renamed over it: a crash never leaves a half-written file.
    const temp = `${file}.tagging`;
    try {
      await writeFile(temp, tagged);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  return {
    apiVersion: 1,
    kind: "tagger",
    name: "vorbis-tags",
    description: "Vorbis comments for opus, ogg and flac",
    formats: ["opus", "ogg", "flac"],
    write,
  } satisfies TaggerPlugin;
};
