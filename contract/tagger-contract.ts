/** The contract every tagger passes: for each of its formats, tags written in place read back and the audio survives. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFile } from "music-metadata";
import type { AudioFormat, TagSet, TaggerPlugin } from "../src/plugins/api.ts";
import { findPluginProblems } from "../src/plugins/validate.ts";
import { makeToneFile, probeAudio } from "./audio-probe.ts";

export interface TaggerContractFixture {
  /** Tags to write; a full TagSet by default. */
  readonly tags?: TagSet;
  /** Makes a fresh file of `format` in `dir`; a 1 s ffmpeg tone by default. */
  readonly makeFile?: (dir: string, format: AudioFormat) => Promise<string>;
}

export const SAMPLE_TAGS: TagSet = {
  title: "YYZ",
  artist: "Rush",
  artists: ["Rush"],
  album: "Moving Pictures",
  albumArtist: "Rush",
  albumArtists: ["Rush"],
  trackNumber: 3,
  trackTotal: 7,
  discNumber: 1,
  discTotal: 1,
  date: "1981-02-12",
  isrc: "USMR18100003",
  compilation: false,
  media: "Digital Media",
  sourceUrl: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
  extra: {
    SPOTIFY_ID: "1RKbVxcm267VdsIzqY7msi",
    SPOTIFY_URL: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
  },
  explicit: false,
  comment: "https://example.com/source",
};

export function describeTaggerContract(
  label: string,
  makePlugin: () => TaggerPlugin | Promise<TaggerPlugin>,
  fixture: TaggerContractFixture = {},
): void {
  describe(`tagger contract: ${label}`, () => {
    const tags = fixture.tags ?? SAMPLE_TAGS;
    const makeFile = fixture.makeFile ?? ((dir: string, format: AudioFormat) => makeToneFile(dir, format));
    let plugin: TaggerPlugin;
    let dir: string;
    beforeAll(async () => {
      plugin = await makePlugin();
      dir = mkdtempSync(join(tmpdir(), "musicdl-tagger-contract-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test("is a valid tagger plugin with at least one format", () => {
      expect(findPluginProblems(plugin)).toEqual([]);
      expect(plugin.formats.length).toBeGreaterThan(0);
    });

    test("each format: tags read back with an independent reader and the file still probes as the same audio", async () => {
      for (const format of plugin.formats) {
        const file = await makeFile(dir, format);
        const before = await probeAudio(file);
        await plugin.write(file, tags, {});
        const after = await probeAudio(file);
        expect({ format, codec: after.codec }).toEqual({ format, codec: before.codec });
        expect(Math.abs(after.durationS - before.durationS)).toBeLessThan(0.1);
        const { common } = await parseFile(file);
        expect({ format, title: common.title, album: common.album }).toEqual({
          format,
          title: tags.title,
          album: tags.album,
        });
        // Taggers join several artists as their format prefers; the first must be there either way.
        expect(common.artist ?? "").toContain(tags.artists[0]!);
      }
    });

    test("an aborted signal stops write", async () => {
      const controller = new AbortController();
      controller.abort();
      const file = await makeFile(dir, plugin.formats[0]!);
      await expect(plugin.write(file, tags, { signal: controller.signal })).rejects.toThrow();
    });
  });
}
