import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import type { TaggerPlugin, TagSet } from "musicdl/plugin";
import createId3 from "../../plugins/id3/index.ts";
import createMp4Tags from "../../plugins/mp4-tags/index.ts";
import createVorbisTags from "../../plugins/vorbis-tags/index.ts";
import { FFMPEG } from "../helpers/make-tone.ts";
import { SOURCE_SECONDS, useTagFixtures } from "./fixtures.ts";
import { taggerContext } from "./plugin-context.ts";
import { decodeErrors, ffprobeTags, readTags } from "../helpers/read-back.ts";
import { sampleTags } from "./sample-tags.ts";

const media = useTagFixtures();

describe("stream copy into the tagged formats", () => {
  test.each([
    { format: "opus", source: "opus", codec: "opus" },
    { format: "m4a", source: "aac", codec: "aac" },
  ] as const)(
    "$source → $format copies the stream and stays $codec after tagging",
    async ({ format, source, codec }) => {
      const plugin = (await (format === "m4a" ? createMp4Tags : createVorbisTags)(
        taggerContext(media.dir),
      )) as TaggerPlugin;
      const { file, conversion } = await media.convertAndTag(plugin, format, source, sampleTags(media.cover), "-copy");
      expect(conversion.streamCopy).toBe(true);
      expect(conversion.args).toEqual(expect.arrayContaining(["-c:a", "copy"]));
      expect((await ffprobeTags(file)).audioCodec).toBe(codec);
    },
  );
});

describe("layouts that need care", () => {
  test.each([
    { name: "a 260 KB cover spans several Ogg Opus pages", format: "opus", source: "opus" },
    { name: "a 260 KB cover spans several Ogg Vorbis pages, before the setup header", format: "ogg", source: "aac" },
    { name: "a 260 KB cover fits a FLAC picture block", format: "flac", source: "aac" },
    { name: "a 260 KB cover fits an m4a covr atom", format: "m4a", source: "aac" },
    { name: "a 260 KB cover fits an ID3 APIC frame", format: "mp3", source: "aac" },
  ] as const)("$name", async ({ format, source }) => {
    expect(media.largeCover.length).toBeGreaterThan(100_000);
    const factory = format === "m4a" ? createMp4Tags : format === "mp3" ? createId3 : createVorbisTags;
    const plugin = (await factory(taggerContext(media.dir))) as TaggerPlugin;
    const { file } = await media.convertAndTag(plugin, format, source, sampleTags(media.largeCover), "-large");
    const { common } = await readTags(file);
    expect(Buffer.from(common.picture?.[0]?.data ?? []).equals(media.largeCover)).toBe(true);
    expect(common.artists).toEqual([...sampleTags(media.largeCover).artists]);
    expect(await decodeErrors(FFMPEG, file)).toBe("");
  });

  test("an m4a with its moov before the audio (faststart) keeps playing after tagging", async () => {
    const faststart = join(media.dir, "faststart.m4a");
    const remux = Bun.spawnSync([
      FFMPEG,
      "-v",
      "error",
      "-y",
      "-i",
      media.sources.aac.file,
      "-c",
      "copy",
      "-movflags",
      "+faststart",
      faststart,
    ]);
    expect(remux.exitCode).toBe(0);
    const plugin = (await createMp4Tags(taggerContext(media.dir))) as TaggerPlugin;
    await plugin.write(faststart, sampleTags(media.cover), {});
    const metadata = await readTags(faststart);
    expect(metadata.common.title).toBe(sampleTags(media.cover).title);
    expect(Math.abs((metadata.format.duration ?? 0) - SOURCE_SECONDS)).toBeLessThan(1);
    // ffmpeg decodes garbage (and says so) when chunk offsets point to the wrong place
    expect(await decodeErrors(FFMPEG, faststart)).toBe("");
  });

  test("an Ogg comment packet of exactly 255 bytes (which needs a closing 0 lacing value) stays readable", async () => {
    const plugin = (await createVorbisTags(taggerContext(media.dir))) as TaggerPlugin;
    const base: TagSet = { ...sampleTags(media.cover), title: "x", cover: undefined };
    const { file } = await media.convertAndTag(plugin, "opus", "opus", base, "-lacing");
    // Page 2 holds the whole comment packet; its lacing values add up to the packet length.
    const commentLacing = async () => {
      const bytes = await Bun.file(file).bytes();
      const firstSegments = bytes[26] ?? 0;
      const secondPage = 27 + firstSegments + bytes.subarray(27, 27 + firstSegments).reduce((a, b) => a + b, 0);
      return [...bytes.subarray(secondPage + 27, secondPage + 27 + (bytes[secondPage + 26] ?? 0))];
    };
    const packetLength = (await commentLacing()).reduce((a, b) => a + b, 0);
    const title = `x${"y".repeat((255 - (packetLength % 255)) % 255)}`;
    await plugin.write(file, { ...base, title }, {});
    const lacing = await commentLacing();
    expect(lacing.reduce((a, b) => a + b, 0) % 255).toBe(0);
    expect(lacing.at(-1)).toBe(0);
    expect((await readTags(file)).common.title).toBe(title);
    expect(await decodeErrors(FFMPEG, file)).toBe("");
  });
});
