import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseFile } from "music-metadata";
import { convertAudio } from "../../src/audio/convert.ts";
import { executePlan } from "../../src/plan/execute.ts";
import type { PlanItemStatus } from "../../src/plan/model.ts";
import { FFMPEG, makeTone } from "../helpers/make-tone.ts";
import {
  createContext,
  createFakeProvider,
  createFakeTagger,
  karaokeFor,
  makeTracks,
  playlistPlan,
  songFor,
  tempFilesIn,
  trackItems,
} from "./_executor-world.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const tones = createTempDir("musicdl-execute-tone-");
let tone = "";
beforeAll(async () => {
  tone = await makeTone({ codec: "opus", seconds: 1, file: join(tones.path, "tone.webm") });
});
afterAll(() => tones[Symbol.dispose]());

const statusesOf = (items: { id: string; status: PlanItemStatus }[]) =>
  Object.fromEntries(items.map((i) => [i.id, i.status]));

describe("executePlan", () => {
  test("a failing item never stops the rest; ffmpeg output lands at its target and the M3U lists only finished tracks, in order", async () => {
    using library = createTempDir("musicdl-execute-");
    const tracks = makeTracks(4);
    const provider = createFakeProvider(tone, {
      search: (track) => (track.id === "t2" ? [karaokeFor(track)] : [songFor(track)]),
      download: async (candidate, dir) => {
        if (candidate.id === "v-t3") throw new Error("HTTP 403 from the media host");
        return createFakeProvider(tone).download(candidate, dir, {});
      },
    });
    const plan = playlistPlan(library.path, tracks);
    const ctx = createContext({
      providers: [provider],
      tempDir: join(library.path, ".scratch"),
      limits: { threads: 2, search: 2, download: 2, ffmpeg: 2 },
      convert: (options) =>
        convertAudio({
          input: options.input,
          output: options.output,
          target: options.target,
          source: { codec: options.sourceCodec, container: options.sourceContainer },
          ffmpegPath: FFMPEG,
          signal: options.signal,
        }),
    });
    const summary = await executePlan(plan, ctx);

    expect(statusesOf(plan.items)).toEqual({
      "track:spotify:t1": "done",
      "track:spotify:t2": "failed",
      "track:spotify:t3": "failed",
      "track:spotify:t4": "done",
      "m3u:playlist:p1": "done",
    });
    const song1 = await parseFile(join(library.path, "Song 1.mp3"));
    expect(song1.format.codec).toBe("MPEG 1 Layer 3");
    expect(existsSync(join(library.path, "Song 4.mp3"))).toBe(true);
    const m3uLines = readFileSync(join(library.path, "Mix.m3u8"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(m3uLines).toEqual(["Song 1.mp3", "Song 4.mp3"]);
    expect(summary.m3uMissing).toBe(2);
    expect(summary.failures.map((f) => [f.id, f.stage])).toEqual([
      ["track:spotify:t2", "match"],
      ["track:spotify:t3", "download"],
    ]);
    expect(readdirSync(library.path).sort()).toEqual(["Mix.m3u8", "Song 1.mp3", "Song 4.mp3"]);
  });

  test("a download is tried max_retries times, then fails with its stage and reason; one that recovers is done", async () => {
    using library = createTempDir("musicdl-execute-");
    const tracks = makeTracks(2);
    const failuresLeft = new Map([
      ["v-t1", Number.POSITIVE_INFINITY],
      ["v-t2", 2],
    ]);
    const provider = createFakeProvider(tone, {
      download: async (candidate, dir) => {
        const left = failuresLeft.get(candidate.id) ?? 0;
        failuresLeft.set(candidate.id, left - 1);
        if (left > 0) throw new Error("HTTP 503 Service Unavailable");
        return createFakeProvider(tone).download(candidate, dir, {});
      },
    });
    const plan = playlistPlan(library.path, tracks);
    const ctx = createContext({ providers: [provider], tempDir: join(library.path, ".scratch"), maxRetries: 3 });
    await executePlan(plan, ctx);

    const [t1, t2] = trackItems(plan.items);
    expect(provider.downloads.filter((id) => id === "v-t1")).toHaveLength(3);
    expect(t1!.status).toBe("failed");
    expect(t1!.error).toEqual({
      stage: "download",
      reason:
        "tried fake-music:v-t1 (strong 0.00): plugin fake-music: download() failed: HTTP 503 Service Unavailable; " +
        "no other acceptable candidate",
    });
    expect(provider.downloads.filter((id) => id === "v-t2")).toHaveLength(3);
    expect(t2!.status).toBe("done");
    expect(t2!.error).toBeUndefined();
  });

  test("no acceptable candidate fails the match stage with the rejection reason, and nothing is downloaded", async () => {
    using library = createTempDir("musicdl-execute-");
    const [track] = makeTracks(1);
    const provider = createFakeProvider(tone, { search: (t) => [karaokeFor(t)] });
    const plan = playlistPlan(library.path, [track!]);
    await executePlan(plan, createContext({ providers: [provider], tempDir: join(library.path, ".scratch") }));

    const [item] = trackItems(plan.items);
    expect(item!.status).toBe("failed");
    expect(item!.error?.stage).toBe("match");
    expect(item!.error?.reason).toStartWith('no acceptable match for "Song 1" by Rush; best: ');
    expect(item!.error?.reason).toContain("Karaoke");
    expect(provider.downloads).toEqual([]);
  });

  test("a provider whose search throws fails the match stage naming the plugin", async () => {
    using library = createTempDir("musicdl-execute-");
    const provider = createFakeProvider(tone, {
      search: () => {
        throw new Error("InnerTube answered 400");
      },
    });
    const plan = playlistPlan(library.path, makeTracks(1));
    await executePlan(plan, createContext({ providers: [provider], tempDir: join(library.path, ".scratch") }));
    expect(trackItems(plan.items)[0]!.error).toEqual({
      stage: "match",
      reason: "plugin fake-music: search() failed: InnerTube answered 400",
    });
  });

  test("a miss names the providers searched and a provider whose search failed, beside the rejected candidates", async () => {
    using library = createTempDir("musicdl-execute-");
    const broken = {
      ...createFakeProvider(tone, {
        search: () => {
          throw new Error("InnerTube answered 503");
        },
      }),
      name: "fake-music",
    };
    const other = {
      ...createFakeProvider(tone, { search: (t) => [{ ...karaokeFor(t), provider: "fake-web" }] }),
      name: "fake-web",
    };
    const plan = playlistPlan(library.path, makeTracks(1));
    await executePlan(plan, createContext({ providers: [broken, other], tempDir: join(library.path, ".scratch") }));

    const reason = trackItems(plan.items)[0]!.error?.reason ?? "";
    expect(reason).toStartWith('no acceptable match for "Song 1" by Rush; best: ');
    expect(reason).toContain("Karaoke");
    expect(reason).toEndWith(
      "(searched fake-music, fake-web; search failed: plugin fake-music: search() failed: InnerTube answered 503)",
    );
  });

  test("persist is called on every status change, ending with each item's final state", async () => {
    using library = createTempDir("musicdl-execute-");
    const tracks = makeTracks(2);
    const provider = createFakeProvider(tone, { search: (t) => (t.id === "t2" ? [] : [songFor(t)]) });
    const plan = playlistPlan(library.path, tracks);
    const ctx = createContext({ providers: [provider], tempDir: join(library.path, ".scratch") });
    await executePlan(plan, ctx);

    const history = (id: string) => ctx.persisted.filter((item) => item.id === id).map((item) => item.status);
    expect(history("track:spotify:t1")).toEqual(["matching", "matched", "downloading", "tagging", "done"]);
    expect(history("track:spotify:t2")).toEqual(["matching", "failed"]);
    expect(history("m3u:playlist:p1")).toEqual(["done"]);
    for (const item of plan.items) expect(ctx.persisted.findLast((p) => p.id === item.id)).toEqual(item);
  });

  test("concurrency limits hold: track workers, searches, downloads and ffmpeg runs", async () => {
    using library = createTempDir("musicdl-execute-");
    const inFlight = { search: 0, download: 0, convert: 0 };
    const peak = { search: 0, download: 0, convert: 0 };
    const hold = async <T>(stage: keyof typeof inFlight, work: () => Promise<T>): Promise<T> => {
      peak[stage] = Math.max(peak[stage], ++inFlight[stage]);
      try {
        await Bun.sleep(3); // keeps the call open long enough for others to overlap it if the limit lets them
        return await work();
      } finally {
        inFlight[stage]--;
      }
    };
    const plain = createFakeProvider(tone);
    const provider = createFakeProvider(tone, {
      search: (track) => hold("search", async () => [songFor(track)]),
      download: (candidate, dir) => hold("download", () => plain.download(candidate, dir, {})),
    });
    let items = 0;
    let peakItems = 0;
    const plan = playlistPlan(library.path, makeTracks(12));
    const ctx = createContext({
      providers: [provider],
      tempDir: join(library.path, ".scratch"),
      limits: { threads: 4, search: 2, download: 3, ffmpeg: 1 },
      convert: (options) =>
        hold("convert", async () => {
          await Bun.write(options.output, "converted");
          return { streamCopy: false };
        }),
      persist: (item) => {
        if (item.kind !== "track") return;
        if (item.status === "matching") peakItems = Math.max(peakItems, ++items);
        if (item.status === "done" || item.status === "failed") items--;
      },
    });
    const summary = await executePlan(plan, ctx);

    expect(summary.counts.done).toBe(13);
    expect(peakItems).toBe(4);
    expect(peak.search).toBe(2);
    expect(peak.download).toBeGreaterThanOrEqual(1);
    expect(peak.download).toBeLessThanOrEqual(3);
    expect(peak.convert).toBe(1);
  });
});

describe("executePlan interrupted", () => {
  test("Ctrl-C during a download keeps its partial file; the next run resumes it and finishes everything", async () => {
    using library = createTempDir("musicdl-execute-");
    const controller = new AbortController();
    const resumedFrom: string[] = [];
    const plain = createFakeProvider(tone);
    const provider = createFakeProvider(tone, {
      download: async (candidate, dir, opts) => {
        const part = join(dir, `${candidate.id}.part`);
        if (existsSync(part)) resumedFrom.push(readFileSync(part, "utf8"));
        if (candidate.id === "v-t2" && !controller.signal.aborted) {
          await writeFile(part, "first half");
          controller.abort(new Error("interrupted by SIGINT"));
          opts.signal?.throwIfAborted();
        }
        return plain.download(candidate, dir, {});
      },
    });
    const plan = playlistPlan(library.path, makeTracks(3));
    const tempDir = join(library.path, ".scratch");
    const first = createContext({
      providers: [provider],
      tempDir,
      signal: controller.signal,
      limits: { threads: 1, search: 1, download: 1, ffmpeg: 1 },
    });
    const summary = await executePlan(plan, first);

    expect(summary.interrupted).toBe(true);
    expect(statusesOf(plan.items)).toEqual({
      "track:spotify:t1": "done",
      "track:spotify:t2": "matched",
      "track:spotify:t3": "pending",
      "m3u:playlist:p1": "pending",
    });
    expect(await tempFilesIn(library.path)).toEqual([]);
    expect(first.persisted.filter((item) => item.id === "track:spotify:t2").at(-1)?.status).toBe("matched");

    const second = createContext({ providers: [provider], tempDir });
    const again = await executePlan(plan, second);
    expect(again.counts.done).toBe(4);
    expect(resumedFrom).toEqual(["first half"]);
    expect(existsSync(tempDir)).toBe(false);
    expect(readdirSync(library.path).sort()).toEqual(["Mix.m3u8", "Song 1.mp3", "Song 2.mp3", "Song 3.mp3"]);
  });

  test("Ctrl-C while tagging removes the half-made file; the next run reuses the finished download", async () => {
    using library = createTempDir("musicdl-execute-");
    const controller = new AbortController();
    const tagger = createFakeTagger(async (file, tags, opts) => {
      if (tags.title !== "Song 2" || controller.signal.aborted) return;
      expect(existsSync(file)).toBe(true); // the converted temp file sits in the library folder
      controller.abort(new Error("interrupted by SIGINT"));
      opts.signal?.throwIfAborted();
    });
    const provider = createFakeProvider(tone);
    const plan = playlistPlan(library.path, makeTracks(3));
    const tempDir = join(library.path, ".scratch");
    const options = {
      providers: [provider],
      tempDir,
      taggerFor: () => tagger,
      limits: { threads: 1, search: 1, download: 1, ffmpeg: 1 },
    };
    const summary = await executePlan(plan, createContext({ ...options, signal: controller.signal }));

    expect(summary.interrupted).toBe(true);
    expect(statusesOf(plan.items)).toEqual({
      "track:spotify:t1": "done",
      "track:spotify:t2": "matched",
      "track:spotify:t3": "pending",
      "m3u:playlist:p1": "pending",
    });
    expect(await tempFilesIn(library.path)).toEqual([]);
    expect(readdirSync(library.path).filter((name) => !name.startsWith(".scratch"))).toEqual(["Song 1.mp3"]);

    await executePlan(plan, createContext(options));
    expect(statusesOf(plan.items)).toEqual({
      "track:spotify:t1": "done",
      "track:spotify:t2": "done",
      "track:spotify:t3": "done",
      "m3u:playlist:p1": "done",
    });
    expect(provider.downloads).toEqual(["v-t1", "v-t2", "v-t3"]);
  });
});
