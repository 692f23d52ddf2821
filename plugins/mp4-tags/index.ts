/**
 * Built-in tagger for m4a: writes iTunes atoms (©nam, ©ART, ©alb, aART, trkn, disk, ©day, cpil, rtng, ©cmt, covr
 * and `----:com.apple.iTunes:` ARTISTS/ALBUMARTISTS/ISRC/MEDIA/SPOTIFY_*) itself, under Picard's names. ffmpeg 5.1's mp4 muxer cannot write those freeform atoms
 * (`use_metadata_tags` writes QuickTime `mdta` keys instead, which iTunes-style readers ignore).
 */
import type { CallOptions, PluginContext, TaggerPlugin, TagSet } from "musicdl/plugin";
import { rewriteFile } from "../_tagging-common/rewrite-file.ts";
import { replaceMoovMeta } from "./boxes.ts";
import { buildMetaBox } from "./ilst.ts";

export default (_ctx: PluginContext) => {
  async function write(file: string, tags: TagSet, opts: CallOptions): Promise<void> {
    await rewriteFile(file, (bytes) => replaceMoovMeta(bytes, buildMetaBox(tags)), opts);
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
