import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { rename } from "node:fs/promises";
import { join } from "node:path";
import type { AudioFormat, PluginFactory, TaggerPlugin, TagSet } from "musicdl/plugin";
import createId3 from "../../plugins/id3/index.ts";
import createMp4Tags from "../../plugins/mp4-tags/index.ts";
import createVorbisTags from "../../plugins/vorbis-tags/index.ts";
import { convertAudio } from "../../src/audio/convert.ts";
import { FFMPEG, makeCoverJpeg, makeTempDir, makeTone } from "../helpers/make-tone.ts";
import { taggerContext } from "./plugin-context.ts";
import { decodeErrors, ffprobeTags, nativeValues, readTags } from "./read-back.ts";
import { sampleTags } from "./sample-tags.ts";

const dir = makeTempDir("musicdl-tags-");
afterAll(() => dir[Symbol.dispose]());

const SOURCE_SECONDS = 2;
let cover: Uint8Array = new Uint8Array();
let largeCover: Uint8Array = new Uint8Array();
const sources = {
  opus: { file: "", codec: "opus", container: "webm" },
  aac: { file: "", codec: "aac", container: "mp4" },
};
beforeAll(async () => {
  [sources.opus.file, sources.aac.file, cover, largeCover] = await Promise.all([
    makeTone({
      codec: "opus",
      seconds: SOURCE_SECONDS,
      file: join(dir.path, "source.webm"),
      title: "leaked source title",
    }),
    makeTone({
      codec: "aac",
      seconds: SOURCE_SECONDS,
      file: join(dir.path, "source.m4a"),
      title: "leaked source title",
    }),
    makeCoverJpeg(join(dir.path, "cover.jpg")),
    makeCoverJpeg(join(dir.path, "large-cover.jpg"), { large: true }),
  ]);
});

/** How each tag family names the Spotify id/URL and the explicit flag, and how it stores album artists. */
const cases: {
  format: AudioFormat;
  factory: PluginFactory;
  spotifyId: string;
  spotifyUrl: string;
  explicit: string;
  explicitValue: unknown;
  albumArtists: string[];
}[] = [
  {
    format: "mp3",
    factory: createId3,
    spotifyId: "TXXX:SPOTIFY_ID",
    spotifyUrl: "WOAS",
    explicit: "TXXX:ITUNESADVISORY",
    explicitValue: "1",
    albumArtists: ["AC/DC", "Various"],
  },
  {
    format: "wav",
    factory: createId3,
    spotifyId: "TXXX:SPOTIFY_ID",
    spotifyUrl: "TXXX:SPOTIFY_URL",
    explicit: "TXXX:ITUNESADVISORY",
    explicitValue: "1",
    albumArtists: ["AC/DC", "Various"],
  },
  {
    format: "m4a",
    factory: createMp4Tags,
    spotifyId: "----:com.apple.iTunes:SPOTIFY_ID",
    spotifyUrl: "----:com.apple.iTunes:SPOTIFY_URL",
    explicit: "rtng",
    explicitValue: 1,
    albumArtists: ["AC/DC, Various"],
  },
  {
    format: "opus",
    factory: createVorbisTags,
    spotifyId: "SPOTIFY_ID",
    spotifyUrl: "SPOTIFY_URL",
    explicit: "ITUNESADVISORY",
    explicitValue: "1",
    albumArtists: ["AC/DC", "Various"],
  },
  {
    format: "ogg",
    factory: createVorbisTags,
    spotifyId: "SPOTIFY_ID",
    spotifyUrl: "SPOTIFY_URL",
    explicit: "ITUNESADVISORY",
    explicitValue: "1",
    albumArtists: ["AC/DC", "Various"],
  },
  {
    format: "flac",
    factory: createVorbisTags,
    spotifyId: "SPOTIFY_ID",
    spotifyUrl: "SPOTIFY_URL",
    explicit: "ITUNESADVISORY",
    explicitValue: "1",
    albumArtists: ["AC/DC", "Various"],
  },
];

/** Converts like the pipeline does (to an extensionless temp name), tags it, then gives it its real name. */
async function convertAndTag(
  plugin: TaggerPlugin,
  format: AudioFormat,
  source: keyof typeof sources,
  tags: TagSet,
  label = "",
) {
  const temp = join(dir.path, `${format}-from-${source}${label}.part`);
  const { file: input, ...stream } = sources[source];
  const conversion = await convertAudio({
    input,
    source: stream,
    output: temp,
    target: { format, bitrate: "auto" },
    ffmpegPath: FFMPEG,
  });
  await plugin.write(temp, tags, {});
  const file = join(dir.path, `${format}-from-${source}${label}.${format}`);
  await rename(temp, file);
  return { file, conversion };
}

describe.each(cases)("$format", ({ format, factory, spotifyId, spotifyUrl, explicit, explicitValue, albumArtists }) => {
  let plugin: TaggerPlugin;
  const tagged: Record<keyof typeof sources, string> = { opus: "", aac: "" };
  beforeAll(async () => {
    plugin = (await factory(taggerContext(dir.path))) as TaggerPlugin;
    const [fromOpus, fromAac] = await Promise.all([
      convertAndTag(plugin, format, "opus", sampleTags(cover)),
      convertAndTag(plugin, format, "aac", sampleTags(cover)),
    ]);
    tagged.opus = fromOpus.file;
    tagged.aac = fromAac.file;
  });

  test("the plugin claims the format", () => {
    expect(plugin.kind).toBe("tagger");
    expect(plugin.formats).toContain(format);
  });

  test.each(["opus", "aac"] as const)("from %s: every field reads back with music-metadata", async (source) => {
    const tags = sampleTags(cover);
    const file = tagged[source];
    const metadata = await readTags(file);
    const { common } = metadata;
    expect(common.title).toBe(tags.title);
    if (format === "wav") {
      // music-metadata merges the RIFF INFO display string into `artists`; the ID3 chunk holds each artist.
      expect(nativeValues(metadata, "TPE1")).toEqual([...tags.artists]);
      expect(nativeValues(metadata, "IART")).toEqual(["AC/DC, Beyoncé, Ωmega"]);
    } else {
      expect(common.artists).toEqual([...tags.artists]);
    }
    expect(common.album).toBe(tags.album);
    expect(common.albumartists ?? [common.albumartist]).toEqual(albumArtists);
    expect(common.track).toEqual({ no: 3, of: 12 });
    expect(common.disk).toEqual({ no: 2, of: 2 });
    expect(common.date).toBe("2011-04-18");
    expect(common.isrc).toEqual(["USUM71703861"]);
    expect(common.comment?.map((comment) => comment.text)).toEqual([tags.comment]);
    expect(nativeValues(metadata, spotifyId)).toEqual([tags.spotifyId]);
    expect(nativeValues(metadata, spotifyUrl)).toEqual([tags.spotifyUrl]);
    expect(nativeValues(metadata, explicit)).toEqual([explicitValue]);
    expect(common.picture).toHaveLength(1);
    expect(common.picture?.[0]?.format).toBe("image/jpeg");
    expect(Buffer.from(common.picture?.[0]?.data ?? []).equals(cover)).toBe(true);
    expect(Math.abs((metadata.format.duration ?? 0) - SOURCE_SECONDS)).toBeLessThan(1);
    expect(await Bun.file(file).text()).not.toContain("leaked source title");
  });

  test("ffprobe reads the tags and the cover, and the audio decodes without errors", async () => {
    const probe = await ffprobeTags(tagged.opus);
    expect(probe.tags.title).toBe(sampleTags(cover).title);
    expect(probe.tags.album).toBe(sampleTags(cover).album);
    expect(probe.hasCoverStream).toBe(true);
    expect(await decodeErrors(FFMPEG, tagged.opus)).toBe("");
  });

  test("tagging again replaces every old value instead of adding to it", async () => {
    const temp = join(dir.path, `${format}-retag.part`);
    const { file: input, ...stream } = sources.opus;
    await convertAudio({
      input,
      source: stream,
      output: temp,
      target: { format, bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    await plugin.write(temp, sampleTags(cover), {});
    const second: TagSet = {
      ...sampleTags(cover),
      title: "Second",
      artists: ["Solo"],
      explicit: false,
      cover: undefined,
      comment: undefined,
    };
    await plugin.write(temp, second, {});
    const file = join(dir.path, `${format}-retag.${format}`);
    await rename(temp, file);
    const metadata = await readTags(file);
    expect(metadata.common.title).toBe("Second");
    expect(format === "wav" ? nativeValues(metadata, "TPE1") : metadata.common.artists).toEqual(["Solo"]);
    expect(metadata.common.picture ?? []).toHaveLength(0);
    expect(metadata.common.comment ?? []).toHaveLength(0);
    expect(nativeValues(metadata, explicit)).toEqual([explicitValue === 1 ? 0 : "0"]);
    expect(await decodeErrors(FFMPEG, file)).toBe("");
  });
});

describe("stream copy into the tagged formats", () => {
  test.each([
    { format: "opus", source: "opus", codec: "opus" },
    { format: "ogg", source: "opus", codec: "opus" },
    { format: "m4a", source: "aac", codec: "aac" },
  ] as const)(
    "$source → $format copies the stream and stays $codec after tagging",
    async ({ format, source, codec }) => {
      const plugin = (await (format === "m4a" ? createMp4Tags : createVorbisTags)(
        taggerContext(dir.path),
      )) as TaggerPlugin;
      const { file, conversion } = await convertAndTag(plugin, format, source, sampleTags(cover), "-copy");
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
    expect(largeCover.length).toBeGreaterThan(100_000);
    const factory = format === "m4a" ? createMp4Tags : format === "mp3" ? createId3 : createVorbisTags;
    const plugin = (await factory(taggerContext(dir.path))) as TaggerPlugin;
    const { file } = await convertAndTag(plugin, format, source, sampleTags(largeCover), "-large");
    const { common } = await readTags(file);
    expect(Buffer.from(common.picture?.[0]?.data ?? []).equals(largeCover)).toBe(true);
    expect(common.artists).toEqual([...sampleTags(largeCover).artists]);
    expect(await decodeErrors(FFMPEG, file)).toBe("");
  });

  test("an m4a with its moov before the audio (faststart) keeps playing after tagging", async () => {
    const faststart = join(dir.path, "faststart.m4a");
    const remux = Bun.spawnSync([
      FFMPEG,
      "-v",
      "error",
      "-y",
      "-i",
      sources.aac.file,
      "-c",
      "copy",
      "-movflags",
      "+faststart",
      faststart,
    ]);
    expect(remux.exitCode).toBe(0);
    const plugin = (await createMp4Tags(taggerContext(dir.path))) as TaggerPlugin;
    await plugin.write(faststart, sampleTags(cover), {});
    const metadata = await readTags(faststart);
    expect(metadata.common.title).toBe(sampleTags(cover).title);
    expect(Math.abs((metadata.format.duration ?? 0) - SOURCE_SECONDS)).toBeLessThan(1);
    // ffmpeg decodes garbage (and says so) when chunk offsets point to the wrong place
    expect(await decodeErrors(FFMPEG, faststart)).toBe("");
  });

  test("an Ogg comment packet of exactly 255 bytes (which needs a closing 0 lacing value) stays readable", async () => {
    const plugin = (await createVorbisTags(taggerContext(dir.path))) as TaggerPlugin;
    const base: TagSet = { ...sampleTags(cover), title: "x", cover: undefined };
    const { file } = await convertAndTag(plugin, "opus", "opus", base, "-lacing");
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
