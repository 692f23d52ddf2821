/**
 * Built-in tagger for m4a: writes iTunes atoms (©nam, ©ART, ©alb, aART, trkn, disk, ©day, rtng, ©cmt, covr and
 * `----:com.apple.iTunes:` ISRC/ARTISTS/SPOTIFY_*) itself. ffmpeg 5.1's mp4 muxer cannot write those freeform atoms
 * (`use_metadata_tags` writes QuickTime `mdta` keys instead, which iTunes-style readers ignore).
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { CallOptions, PluginContext, TaggerPlugin, TagSet } from "musicdl/plugin";
import { replaceMoovMeta } from "./boxes.ts";
import { buildMetaBox } from "./ilst.ts";

export default (_ctx: PluginContext) => {
  async function write(file: string, tags: TagSet, opts: CallOptions): Promise<void> {
    opts.signal?.throwIfAborted();
    let tagged: Uint8Array;
    try {
      tagged = replaceMoovMeta(await readFile(file), buildMetaBox(tags));
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
    name: "mp4-tags",
    description: "iTunes-style MP4 tags for m4a",
    formats: ["m4a"],
    write,
  } satisfies TaggerPlugin;
};
