/**
 * Lyrics for files an earlier run wrote, through executePlan: a library downloaded with lyrics off gets them on the
 * next run without a download (re-tagged, .lrc written), and the run after that asks no lyrics plugin anything.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { executePlan } from "../../../src/plan/execute.ts";
import { buildPlan } from "../../../src/plan/build-plan.ts";
import type { LyricsStageContext } from "../../../src/plan/stages/lyrics.ts";
import type { LyricsAnswer, LyricsPlugin, TrackMeta } from "../../../src/plugins/api.ts";
import { openStore } from "../../../src/store/index.ts";
import { makeTone } from "../../helpers/make-tone.ts";
import { createContext, createFakeProvider, createFakeTagger, makeTracks } from "../_executor-world.ts";
import { createTempDir } from "../../helpers/temp-dir.ts";

const tones = createTempDir("musicdl-backfill-tone-");
let tone = "";
beforeAll(async () => {
  tone = await makeTone({ codec: "opus", seconds: 1, file: join(tones.path, "tone.webm") });
});
afterAll(() => tones[Symbol.dispose]());

const ANSWERS: Record<string, LyricsAnswer | null> = {
  t1: { instrumental: false, lyrics: { plain: "Hey", synced: [{ timeMs: 1000, text: "Hey" }] } },
  t2: { instrumental: true },
  t3: null,
};

function lyricsPlugin(calls: string[]): LyricsPlugin {
  return {
    apiVersion: 1,
    kind: "lyrics",
    name: "box",
    lyrics: async (track) => {
      calls.push(track.id);
      return ANSWERS[track.id] ?? null;
    },
  };
}

function planOf(library: string, tracks: TrackMeta[], present: boolean) {
  const entry = { section: "albums", url: "https://open.spotify.com/album/a1", createM3u: false } as const;
  return buildPlan([{ entry, source: { kind: "album", id: "a1", name: "A", tracks, warnings: [] } }], {
    targetFor: (track) => join(library, `${track.title}.mp3`),
    m3uPathFor: () => join(library, "A.m3u8"),
    isPresent: () => present,
  });
}

test("lyrics off, then on: present files are re-tagged with lyrics and get an .lrc; then nothing is asked", async () => {
  using library = createTempDir("musicdl-backfill-");
  const store = openStore(join(library.path, "state.sqlite"));
  try {
    const tracks = makeTracks(3);
    const provider = createFakeProvider(tone);
    const calls: string[] = [];
    const lyricsOf = (providers: LyricsPlugin[]): LyricsStageContext => ({
      providers,
      output: "both",
      cache: store.lyrics,
      index: store.lyricsIndex(library.path),
      isOurs: () => true,
      warn: (message) => {
        throw new Error(`unexpected warning: ${message}`);
      },
      now: () => 1,
    });
    const run = async (present: boolean, providers: LyricsPlugin[]) => {
      const tagger = createFakeTagger();
      const ctx = createContext({
        providers: [provider],
        tempDir: join(library.path, ".scratch"),
        taggerFor: () => tagger,
        lyrics: lyricsOf(providers),
      });
      await executePlan(planOf(library.path, tracks, present), ctx);
      // Tracks run concurrently: sorted, so the order of the writes does not matter.
      return tagger.written.map(({ tags }) => [tags.extra.SPOTIFY_ID, tags.lyrics?.plain ?? null]).sort();
    };

    expect(await run(false, [])).toEqual([
      ["t1", null],
      ["t2", null],
      ["t3", null],
    ]);
    expect(provider.downloads).toHaveLength(3);
    expect(existsSync(join(library.path, "Song 1.lrc"))).toBe(false);

    // Lyrics on: only t1 has words; it alone is re-tagged, and nothing is downloaded again.
    expect(await run(true, [lyricsPlugin(calls)])).toEqual([["t1", "Hey"]]);
    expect(provider.downloads).toHaveLength(3);
    expect(calls.sort()).toEqual(["t1", "t2", "t3"]);
    expect(existsSync(join(library.path, "Song 1.lrc"))).toBe(true);
    expect(store.lyricsIndex(library.path).get("spotify:t2")?.answer).toBe("instrumental");

    // Unchanged: lyrics and instrumental on record, the miss cached for a day: no call, no tag write.
    expect(await run(true, [lyricsPlugin(calls)])).toEqual([]);
    expect(calls).toHaveLength(3);
  } finally {
    store.close();
  }
});
