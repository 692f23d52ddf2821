/** Shared media for tagger tests: two 2 s sources (opus webm, aac m4a), two covers, and convert-then-tag. */
import { afterAll, beforeAll } from "bun:test";
import { rename } from "node:fs/promises";
import { join } from "node:path";
import type { AudioFormat, TaggerPlugin, TagSet } from "musicdl/plugin";
import { convertAudio } from "../../src/audio/convert.ts";
import { FFMPEG, makeCoverJpeg, makeTone } from "../helpers/make-tone.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

export const SOURCE_SECONDS = 2;

export interface TagFixtures {
  readonly dir: string;
  readonly sources: Record<"opus" | "aac", { file: string; codec: string; container: string }>;
  /** 64×64 JPEG (~250 bytes). */
  cover: Uint8Array;
  /** 600×600 noise JPEG (~260 KB): spans Ogg pages. */
  largeCover: Uint8Array;
  /** Converts like the pipeline does (to an extensionless temp name), tags it, then gives it its real name. */
  convertAndTag(
    plugin: TaggerPlugin,
    format: AudioFormat,
    source: "opus" | "aac",
    tags: TagSet,
    label?: string,
  ): Promise<{ file: string; conversion: Awaited<ReturnType<typeof convertAudio>> }>;
}

/** Registers beforeAll/afterAll in the calling test file; the media exists once its beforeAll ran. */
export function useTagFixtures(): TagFixtures {
  const temp = createTempDir("musicdl-tags-");
  afterAll(() => temp[Symbol.dispose]());
  const fixtures: TagFixtures = {
    dir: temp.path,
    sources: {
      opus: { file: join(temp.path, "source.webm"), codec: "opus", container: "webm" },
      aac: { file: join(temp.path, "source.m4a"), codec: "aac", container: "mp4" },
    },
    cover: new Uint8Array(),
    largeCover: new Uint8Array(),
    async convertAndTag(plugin, format, source, tags, label = "") {
      const partial = join(temp.path, `${format}-from-${source}${label}.part`);
      const { file: input, ...stream } = fixtures.sources[source];
      const target = { format, bitrate: "auto" };
      const conversion = await convertAudio({ input, source: stream, output: partial, target, ffmpegPath: FFMPEG });
      await plugin.write(partial, tags, {});
      const file = join(temp.path, `${format}-from-${source}${label}.${format}`);
      await rename(partial, file);
      return { file, conversion };
    },
  };
  beforeAll(async () => {
    const title = "leaked source title";
    [, , fixtures.cover, fixtures.largeCover] = await Promise.all([
      makeTone({ codec: "opus", seconds: SOURCE_SECONDS, file: fixtures.sources.opus.file, title }),
      makeTone({ codec: "aac", seconds: SOURCE_SECONDS, file: fixtures.sources.aac.file, title }),
      makeCoverJpeg(join(temp.path, "cover.jpg")),
      makeCoverJpeg(join(temp.path, "large-cover.jpg"), { large: true }),
    ]);
  });
  return fixtures;
}
