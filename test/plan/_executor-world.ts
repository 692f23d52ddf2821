/**
 * The other side of the executor's contract for its unit tests: a provider and a tagger written as plugins (plain
 * objects to the plugin contract, counting their calls), plus a plan, a library folder and an ExecutorContext.
 */
import { copyFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { isTempName } from "../../src/library/atomic-write.ts";
import { describeRejection } from "../../src/match/index.ts";
import type { PlanItem, TrackPlanItem } from "../../src/plan/model.ts";
import { buildPlan } from "../../src/plan/build-plan.ts";
import type { ExecutorContext } from "../../src/plan/stages/context.ts";
import type { ExecutorEvent } from "../../src/plan/events.ts";
import type {
  AudioCandidate,
  CallOptions,
  DownloadedAudio,
  ProviderPlugin,
  TagSet,
  TaggerPlugin,
  TrackMeta,
} from "../../src/plugins/api.ts";
import { makeTrack } from "../helpers/track-meta.ts";

/** The YouTube Music "song" for a track: what a good provider answers. */
export function songFor(track: TrackMeta, provider = "fake-music"): AudioCandidate {
  return {
    provider,
    id: `v-${track.id}`,
    title: track.title,
    artists: track.artists,
    durationMs: track.durationMs,
    kind: "song",
    url: `https://music.example/watch?v=v-${track.id}`,
  };
}

export function karaokeFor(track: TrackMeta, provider = "fake-music"): AudioCandidate {
  return {
    ...songFor(track, provider),
    id: `k-${track.id}`,
    title: `${track.title} (Karaoke Version)`,
    artists: ["Sing King"],
    kind: "video",
  };
}

export interface FakeProviderOptions {
  /** Candidates per track; default: its song. */
  search?(track: TrackMeta): AudioCandidate[] | Promise<AudioCandidate[]>;
  /** Replaces the default download (copy `audioFile` into the folder). */
  download?(candidate: AudioCandidate, tempDir: string, opts: CallOptions): Promise<DownloadedAudio>;
}

export type FakeProvider = ProviderPlugin & {
  readonly searches: string[];
  /** Candidate ids passed to download(), in call order. */
  readonly downloads: string[];
};

/** A provider plugin; its default download copies `audioFile` (an Opus/WebM tone) into the folder it is given. */
export function createFakeProvider(audioFile: string, options: FakeProviderOptions = {}): FakeProvider {
  const searches: string[] = [];
  const downloads: string[] = [];
  const copyTone = async (candidate: AudioCandidate, tempDir: string): Promise<DownloadedAudio> => {
    const file = join(tempDir, `${candidate.id}.webm`);
    await copyFile(audioFile, file);
    return { file, codec: "opus", container: "webm", bitrateKbps: 96, sizeBytes: (await stat(file)).size };
  };
  return {
    apiVersion: 1,
    kind: "provider",
    name: "fake-music",
    searches,
    downloads,
    async search(track) {
      searches.push(track.id);
      return options.search ? options.search(track) : [songFor(track)];
    },
    async download(candidate, tempDir, opts) {
      downloads.push(candidate.id);
      return options.download ? options.download(candidate, tempDir, opts) : copyTone(candidate, tempDir);
    },
  } satisfies FakeProvider;
}

export type FakeTagger = TaggerPlugin & { readonly written: { file: string; tags: TagSet }[] };

/** An mp3 tagger plugin that records what it was asked to write (the files stay as they are). */
export function createFakeTagger(write?: (file: string, tags: TagSet, opts: CallOptions) => Promise<void>): FakeTagger {
  const written: { file: string; tags: TagSet }[] = [];
  return {
    apiVersion: 1,
    kind: "tagger",
    name: "fake-tags",
    formats: ["mp3"],
    written,
    async write(file, tags, opts) {
      written.push({ file, tags });
      await write?.(file, tags, opts);
    },
  } satisfies FakeTagger;
}

/** Tracks `t1`…`tN` of one album, titled `Song 1`… */
export function makeTracks(count: number): TrackMeta[] {
  return Array.from({ length: count }, (_, i) =>
    makeTrack({ id: `t${i + 1}`, title: `Song ${i + 1}`, trackNumber: i + 1, durationMs: 200_000 + i * 7_000 }),
  );
}

/** A plan for one playlist (with an M3U) listing `tracks` in order, targets `<library>/<title>.mp3`. */
export function playlistPlan(library: string, tracks: TrackMeta[]) {
  return buildPlan(
    [
      {
        entry: { section: "playlists", url: "https://open.spotify.com/playlist/p1", name: "Mix", createM3u: true },
        source: { kind: "playlist", id: "p1", name: "Mix", tracks, warnings: [] },
      },
    ],
    {
      targetFor: (track) => join(library, `${track.title}.mp3`),
      m3uPathFor: (source) => join(library, `${source.name}.m3u8`),
    },
  );
}

export const trackItems = (items: readonly PlanItem[]) => items.filter((i): i is TrackPlanItem => i.kind === "track");

export interface TestContext extends ExecutorContext {
  readonly events: ExecutorEvent[];
  /** A copy of the item at every persist() call. */
  readonly persisted: PlanItem[];
}

export function createContext(
  overrides: Partial<ExecutorContext> & Pick<ExecutorContext, "providers" | "tempDir">,
): TestContext {
  const events: ExecutorEvent[] = [];
  const persisted: PlanItem[] = [];
  const tagger = createFakeTagger();
  return {
    taggerFor: (format) => (format === "mp3" ? tagger : undefined),
    describeRejection: (track, ranked) => describeRejection(track, ranked as Parameters<typeof describeRejection>[1]),
    convert: async ({ input, output }) => {
      await copyFile(input, output);
      return { streamCopy: true };
    },
    coverFor: async () => undefined,
    persist: (item) => persisted.push(structuredClone(item)),
    format: "mp3",
    bitrate: "128k",
    overwrite: "skip",
    maxRetries: 3,
    limits: { threads: 4, search: 4, download: 4, ffmpeg: 2 },
    onEvent: (event) => events.push(event),
    signal: new AbortController().signal,
    events,
    persisted,
    ...overrides,
  };
}

/** Every file under `dir` whose name is one of musicdl's temp names. */
export async function tempFilesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })) as string[];
  return names.filter((name) => isTempName(name.split("/").pop() ?? ""));
}
