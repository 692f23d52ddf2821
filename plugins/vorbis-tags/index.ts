/**
 * Built-in tagger for opus, ogg and flac: Vorbis comments under Picard's names (one ARTISTS per artist) and the cover as a FLAC
 * picture (a PICTURE block in flac, METADATA_BLOCK_PICTURE in Ogg). Written directly, since ffmpeg 5.1 joins
 * repeated keys and cannot attach pictures to Ogg.
 */
import type { CallOptions, PluginContext, TaggerPlugin, TagSet } from "musicdl/plugin";
import { rewriteFile } from "../_tagging-common/rewrite-file.ts";
import { isFlac, retagFlac } from "./flac.ts";
import { isOgg, retagOgg } from "./ogg.ts";

export default (_ctx: PluginContext) => {
  async function write(file: string, tags: TagSet, opts: CallOptions): Promise<void> {
    await rewriteFile(
      file,
      (bytes) => {
        // The temp file the core hands over may have no extension; the bytes say what it is.
        if (isFlac(bytes)) return retagFlac(bytes, tags);
        if (isOgg(bytes)) return retagOgg(bytes, tags);
        throw new Error("neither FLAC nor Ogg");
      },
      opts,
    );
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
