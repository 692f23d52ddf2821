import { beforeAll, describe, expect, test } from "bun:test";
import { rename } from "node:fs/promises";
import { join } from "node:path";
import type { AudioFormat, PluginFactory, TaggerPlugin, TagSet } from "musicdl/plugin";
import createId3 from "../../plugins/id3/index.ts";
import createMp4Tags from "../../plugins/mp4-tags/index.ts";
import createVorbisTags from "../../plugins/vorbis-tags/index.ts";
import { convertAudio } from "../../src/audio/convert.ts";
import { FFMPEG } from "../helpers/make-tone.ts";
import { SOURCE_SECONDS, useTagFixtures } from "./fixtures.ts";
import { taggerContext } from "./plugin-context.ts";
import { decodeErrors, ffprobeTags, nativeValues, readTags } from "../helpers/read-back.ts";
import { SAMPLE_LYRICS, sampleTags } from "./sample-tags.ts";

const media = useTagFixtures();

/** How each tag family names the fields Picard has no common frame for (docs/tags.md), as music-metadata reports them. */
const cases: {
  format: AudioFormat;
  factory: PluginFactory;
  spotifyId: string;
  spotifyUrl: string;
  /** Where the source URL goes (ID3 only: its WOAS link frame). */
  sourceUrl?: string;
  explicit: string;
  explicitValue: unknown;
  artists: string;
  albumArtists: string;
  media: string;
}[] = [
  ...(["mp3", "wav"] as const).map((format) => ({
    format,
    factory: createId3,
    spotifyId: "TXXX:SPOTIFY_ID",
    spotifyUrl: "TXXX:SPOTIFY_URL",
    sourceUrl: "WOAS",
    explicit: "TXXX:ITUNESADVISORY",
    explicitValue: "1",
    artists: "TXXX:ARTISTS",
    albumArtists: "TXXX:ALBUMARTISTS",
    media: "TMED",
  })),
  {
    format: "m4a",
    factory: createMp4Tags,
    spotifyId: "----:com.apple.iTunes:SPOTIFY_ID",
    spotifyUrl: "----:com.apple.iTunes:SPOTIFY_URL",
    explicit: "rtng",
    explicitValue: 1,
    artists: "----:com.apple.iTunes:ARTISTS",
    albumArtists: "----:com.apple.iTunes:ALBUMARTISTS",
    media: "----:com.apple.iTunes:MEDIA",
  },
  ...(["opus", "ogg", "flac"] as const).map((format) => ({
    format,
    factory: createVorbisTags,
    spotifyId: "SPOTIFY_ID",
    spotifyUrl: "SPOTIFY_URL",
    explicit: "ITUNESADVISORY",
    explicitValue: "1",
    artists: "ARTISTS",
    albumArtists: "ALBUMARTISTS",
    media: "MEDIA",
  })),
];

describe.each(cases)("$format", (names) => {
  const { format, factory, spotifyId, spotifyUrl, explicit, explicitValue } = names;
  let plugin: TaggerPlugin;
  const tagged: Record<"opus" | "aac", string> = { opus: "", aac: "" };
  beforeAll(async () => {
    plugin = (await factory(taggerContext(media.dir))) as TaggerPlugin;
    const [fromOpus, fromAac] = await Promise.all([
      media.convertAndTag(plugin, format, "opus", sampleTags(media.cover)),
      media.convertAndTag(plugin, format, "aac", sampleTags(media.cover)),
    ]);
    tagged.opus = fromOpus.file;
    tagged.aac = fromAac.file;
  });

  test("the plugin claims the format", () => {
    expect(plugin.kind).toBe("tagger");
    expect(plugin.formats).toContain(format);
  });

  test.each(["opus", "aac"] as const)("from %s: every field reads back with music-metadata", async (source) => {
    const tags = sampleTags(media.cover);
    const file = tagged[source];
    const metadata = await readTags(file);
    const { common } = metadata;
    expect(common.title).toBe(tags.title);
    // Picard's layout: the display string in the artist field, each artist in ARTISTS.
    expect(common.artist).toBe("AC/DC, Beyoncé, Ωmega");
    expect(nativeValues(metadata, names.artists)).toEqual([...tags.artists]);
    expect(common.album).toBe(tags.album);
    expect(common.albumartist).toBe("AC/DC, Various");
    expect(nativeValues(metadata, names.albumArtists)).toEqual([...tags.albumArtists]);
    expect(nativeValues(metadata, names.media)).toEqual(["Digital Media"]);
    expect(common.compilation).toBe(true);
    expect(common.track).toEqual({ no: 3, of: 12 });
    expect(common.disk).toEqual({ no: 2, of: 2 });
    expect(common.date).toBe("2011-04-18");
    expect(common.isrc).toEqual(["USUM71703861"]);
    expect(common.comment?.map((comment) => comment.text)).toEqual([tags.comment]);
    expect(nativeValues(metadata, spotifyId)).toEqual([tags.extra.SPOTIFY_ID]);
    expect(nativeValues(metadata, spotifyUrl)).toEqual([tags.extra.SPOTIFY_URL]);
    if (names.sourceUrl) expect(nativeValues(metadata, names.sourceUrl)).toEqual([tags.sourceUrl]);
    expect(nativeValues(metadata, explicit)).toEqual([explicitValue]);
    // Lyrics: the words in every format; ID3 also carries the timed lines (SYLT, milliseconds).
    const lyrics = common.lyrics ?? [];
    expect(lyrics.map((entry) => entry.text).filter(Boolean)).toContain(SAMPLE_LYRICS.plain);
    if (format === "mp3" || format === "wav") {
      const synced = lyrics.find((entry) => (entry.syncText?.length ?? 0) > 0);
      expect(synced?.syncText?.map(({ text, timestamp }) => ({ text, timestamp }))).toEqual(
        SAMPLE_LYRICS.synced.map(({ text, timeMs }) => ({ text, timestamp: timeMs })),
      );
    }
    expect(common.picture).toHaveLength(1);
    expect(common.picture?.[0]?.format).toBe("image/jpeg");
    expect(Buffer.from(common.picture?.[0]?.data ?? []).equals(media.cover)).toBe(true);
    expect(Math.abs((metadata.format.duration ?? 0) - SOURCE_SECONDS)).toBeLessThan(1);
    expect(await Bun.file(file).text()).not.toContain("leaked source title");
  });

  test("ffprobe reads the tags and the cover, and the audio decodes without errors", async () => {
    const probe = await ffprobeTags(tagged.opus);
    expect(probe.tags.title).toBe(sampleTags(media.cover).title);
    expect(probe.tags.album).toBe(sampleTags(media.cover).album);
    expect(probe.hasCoverStream).toBe(true);
    expect(await decodeErrors(FFMPEG, tagged.opus)).toBe("");
  });

  test("a total musicdl does not know is left out rather than guessed", async () => {
    const temp = join(media.dir, `${format}-no-totals.part`);
    const { file: input, ...stream } = media.sources.opus;
    await convertAudio({
      input,
      source: stream,
      output: temp,
      target: { format, bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    const { trackTotal: _track, discTotal: _disc, ...withoutTotals } = sampleTags(media.cover);
    await plugin.write(temp, withoutTotals, {});
    const file = join(media.dir, `${format}-no-totals.${format}`);
    await rename(temp, file);
    const { common } = await readTags(file);
    expect(common.track).toEqual({ no: 3, of: null });
    expect(common.disk).toEqual({ no: 2, of: null });
  });

  test("a file of another format is refused and left untouched", async () => {
    const other = join(media.dir, `not-${format}.part`);
    const bytes = new TextEncoder().encode("<html>not audio at all</html>");
    await Bun.write(other, bytes);
    await expect(plugin.write(other, sampleTags(media.cover), {})).rejects.toThrow(other);
    expect(await Bun.file(other).bytes()).toEqual(bytes);
  });

  test("tagging again replaces every old value instead of adding to it", async () => {
    const temp = join(media.dir, `${format}-retag.part`);
    const { file: input, ...stream } = media.sources.opus;
    await convertAudio({
      input,
      source: stream,
      output: temp,
      target: { format, bitrate: "auto" },
      ffmpegPath: FFMPEG,
    });
    await plugin.write(temp, sampleTags(media.cover), {});
    const second: TagSet = {
      ...sampleTags(media.cover),
      title: "Second",
      artist: "Solo",
      artists: ["Solo"],
      explicit: false,
      cover: undefined,
      comment: undefined,
      lyrics: undefined,
    };
    await plugin.write(temp, second, {});
    const file = join(media.dir, `${format}-retag.${format}`);
    await rename(temp, file);
    const metadata = await readTags(file);
    expect(metadata.common.title).toBe("Second");
    expect(metadata.common.artist).toBe("Solo");
    expect(nativeValues(metadata, names.artists)).toEqual(["Solo"]);
    expect(metadata.common.picture ?? []).toHaveLength(0);
    expect(metadata.common.comment ?? []).toHaveLength(0);
    expect(metadata.common.lyrics ?? []).toHaveLength(0);
    expect(nativeValues(metadata, explicit)).toEqual([explicitValue === 1 ? 0 : "0"]);
    expect(await decodeErrors(FFMPEG, file)).toBe("");
  });
});
