/** The lyrics stage: plugins asked in order until one answers, answers cached, throws only warned about, .lrc recorded. */
import { expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Lyrics, LyricsAnswer, LyricsPlugin } from "../../../src/plugins/api.ts";
import {
  findLyrics,
  finishLyrics,
  type LyricsStageContext,
  withEmbeddedLyrics,
} from "../../../src/plan/stages/lyrics.ts";
import { buildTagSet } from "../../../src/plan/stages/tags.ts";
import { makeTrack } from "../../helpers/track-meta.ts";

const track = makeTrack({ id: "yyz" });
const heyHo: Lyrics = {
  plain: "Hey\nHo",
  synced: [
    { timeMs: 1500, text: "Hey" },
    { timeMs: 2500, text: "Ho" },
  ],
};
const words: LyricsAnswer = { instrumental: false, lyrics: heyHo };

function plugin(name: string, answer: () => Promise<LyricsAnswer | null>, calls: string[]): LyricsPlugin {
  return {
    apiVersion: 1,
    kind: "lyrics",
    name,
    lyrics: () => {
      calls.push(name);
      return answer();
    },
  };
}

function stage(providers: LyricsPlugin[], overrides: Partial<LyricsStageContext> = {}) {
  const cache = new Map<string, LyricsAnswer | null>();
  const records: unknown[] = [];
  const warnings: string[] = [];
  const ctx: LyricsStageContext = {
    providers,
    output: "both",
    cache: { get: (p, id) => cache.get(`${p}/${id}`), set: (p, id, answer) => void cache.set(`${p}/${id}`, answer) },
    index: { get: () => undefined, record: (row) => void records.push(row) },
    isOurs: () => true,
    warn: (message) => void warnings.push(message),
    now: () => 1,
    ...overrides,
  };
  return { ctx, cache, records, warnings };
}

const signal = new AbortController().signal;

test("plugins are asked in order until one answers; a miss is no error and is cached like the hit", async () => {
  const calls: string[] = [];
  const { ctx, cache } = stage([
    plugin("first", async () => null, calls),
    plugin("second", async () => words, calls),
    plugin("third", async () => words, calls),
  ]);
  expect(await findLyrics(track, ctx, signal)).toEqual({ answer: words, settled: true });
  expect(calls).toEqual(["first", "second"]);
  expect([...cache]).toEqual([
    ["first/spotify:yyz", null],
    ["second/spotify:yyz", words],
  ]);
  // Asked again: every answer comes from the cache.
  expect(await findLyrics(track, ctx, signal)).toEqual({ answer: words, settled: true });
  expect(calls).toEqual(["first", "second"]);
});

test("instrumental is an answer: the plugins after it are not asked", async () => {
  const calls: string[] = [];
  const { ctx } = stage([
    plugin("a", async () => ({ instrumental: true }), calls),
    plugin("b", async () => words, calls),
  ]);
  expect((await findLyrics(track, ctx, signal)).answer).toEqual({ instrumental: true });
  expect(calls).toEqual(["a"]);
});

test("a plugin that throws, or answers nonsense, is a warning naming it; the next is asked and nothing is cached for it", async () => {
  const calls: string[] = [];
  const { ctx, cache, warnings } = stage([
    plugin("down", () => Promise.reject(new Error("connect ECONNREFUSED")), calls),
    plugin("odd", async () => ({ words: "?" }) as unknown as LyricsAnswer, calls),
    plugin("fine", async () => null, calls),
  ]);
  expect(await findLyrics(track, ctx, signal)).toEqual({ answer: null, settled: false });
  expect(warnings).toHaveLength(2);
  expect(warnings[0]).toContain("down");
  expect(warnings[0]).toContain("ECONNREFUSED");
  expect(warnings[1]).toContain("odd");
  expect([...cache.keys()]).toEqual(["fine/spotify:yyz"]);
});

test("lyrics are embedded only when the output asks for it, and never for an instrumental", () => {
  const tags = buildTagSet(track, undefined, undefined);
  expect(withEmbeddedLyrics(tags, { answer: words, settled: true }, "both").lyrics).toEqual(heyHo);
  expect(withEmbeddedLyrics(tags, { answer: words, settled: true }, "lrc").lyrics).toBeUndefined();
  expect(withEmbeddedLyrics(tags, { answer: { instrumental: true }, settled: true }, "embed").lyrics).toBeUndefined();
});

test("finishLyrics writes the .lrc beside the audio and records it; an instrumental is recorded without a file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "musicdl-lyrics-stage-"));
  try {
    const { ctx, records } = stage([]);
    const target = join(dir, "Rush", "03 - YYZ.mp3");
    await finishLyrics(track, target, { answer: words, settled: true }, ctx);
    const lrc = join(dir, "Rush", "03 - YYZ.lrc");
    expect(readFileSync(lrc, "utf8")).toContain("[00:01.50]Hey\n[00:02.50]Ho\n");
    await finishLyrics(track, target, { answer: { instrumental: true }, settled: true }, ctx);
    await finishLyrics(track, target, { answer: null, settled: true }, ctx);
    expect(records).toEqual([
      { trackKey: "spotify:yyz", answer: "lyrics", output: "both", lrcPath: lrc },
      { trackKey: "spotify:yyz", answer: "instrumental", output: "both" },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
