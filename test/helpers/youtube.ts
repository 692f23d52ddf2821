/** Shared test setup for the YouTube providers: a catalog, a plugin context, and a track builder. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import type { PluginContext, TrackMeta } from "../../src/plugins/api.ts";
import type { FakeVideo } from "../../fakes/youtube/index.ts";
import { coreContextMembers } from "./plugin-core.ts";
import { makeTrack } from "./track-meta.ts";

/** Songs, their music videos and decoys, shaped like the recorded searches (fixtures: search-all.json). */
export const CATALOG: readonly FakeVideo[] = [
  {
    videoId: "0h6XAAwX8II",
    title: "Moments",
    artists: ["Lost Identities", "Robbie Rosen"],
    album: "Moments",
    durationMs: 220_000,
    kind: "song",
  },
  {
    videoId: "fxhzvHrTO2k",
    title: "Moments",
    artists: ["Robbie Rosen", "Lost Identities"],
    durationMs: 221_000,
    kind: "video",
  },
  {
    videoId: "acoustic001",
    title: "Moments (Acoustic)",
    artists: ["Lost Identities", "Robbie Rosen"],
    album: "Moments (Acoustic)",
    durationMs: 201_000,
    kind: "song",
  },
  {
    videoId: "otherMoment",
    title: "Moments",
    artists: ["Moments"],
    album: "Elsewhere",
    durationMs: 187_000,
    kind: "song",
  },
  {
    videoId: "nfyk-V5CoIE",
    title: "Nobody Else",
    artists: ["Abstrakt"],
    album: "Nobody Else",
    durationMs: 163_000,
    kind: "song",
    isrc: "GB2LD2210007",
  },
  {
    videoId: "hawara00001",
    title: "Hawara Nights",
    artists: ["Hassan Twil", "Hawara"],
    album: "Nights",
    durationMs: 171_000,
    kind: "song",
    plainArtists: true,
  },
  { videoId: "liveJam0001", title: "Basement Jam Session", artists: ["Band X"], durationMs: 245_000, kind: "video" },
  {
    videoId: "aacOnly0001",
    title: "Only Aac Here",
    artists: ["Codec Fan"],
    durationMs: 3_000,
    kind: "song",
    formats: ["aac"],
  },
  {
    videoId: "wrongLen001",
    title: "Wrong Length",
    artists: ["Liar"],
    durationMs: 3_000,
    kind: "song",
    clenDelta: 1000,
  },
  {
    videoId: "premium0001",
    title: "Premium Song",
    artists: ["Label"],
    durationMs: 200_000,
    kind: "song",
    playability: "UNPLAYABLE",
  },
  {
    videoId: "region00001",
    title: "Region Song",
    artists: ["Label"],
    durationMs: 200_000,
    kind: "song",
    playability: "UNPLAYABLE",
    reason: "The uploader has not made this video available in your country",
  },
  {
    videoId: "private0001",
    title: "Private Song",
    artists: ["Someone"],
    durationMs: 200_000,
    kind: "song",
    playability: "LOGIN_REQUIRED",
  },
];

export function trackMeta(fields: Pick<TrackMeta, "title" | "artists" | "durationMs"> & { isrc?: string }): TrackMeta {
  return makeTrack({
    album: {
      id: "album1",
      name: "Album",
      type: "album",
      artists: fields.artists,
      releaseDate: "2020",
      releaseDatePrecision: "year",
      totalTracks: 1,
      images: [],
    },
    trackNumber: 1,
    ...fields,
  });
}

export interface TestContext {
  readonly ctx: PluginContext;
  /** Every line the plugin logged, arguments included. */
  readonly logs: string[];
  readonly tempDir: string;
  [Symbol.dispose](): void;
}

/** A context like the core's, with plain `fetch` (or the given one) as its HTTP client. */
export function createTestContext(options: unknown = {}, fetchImpl: typeof fetch = fetch): TestContext {
  const tempDir = mkdtempSync(join(tmpdir(), "musicdl-youtube-test-"));
  const logs: string[] = [];
  const line =
    (level: string) =>
    (message: string, ...args: unknown[]) => {
      logs.push(`${level} ${message} ${args.map((arg) => JSON.stringify(arg)).join(" ")}`);
    };
  const ctx: PluginContext = {
    log: { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") },
    http: { fetch: (input, init) => fetchImpl(input, init) },
    options,
    v,
    dirs: { cache: join(tempDir, "cache"), temp: join(tempDir, "temp") },
    ffmpegPath: "ffmpeg",
    musicdlVersion: "0.0.0-test",
    ...coreContextMembers(),
  };
  return { ctx, logs, tempDir, [Symbol.dispose]: () => rmSync(tempDir, { recursive: true, force: true }) };
}

/** Points MUSICDL_YOUTUBE_ORIGIN at the fake for the duration of a `using` block. */
export function useYouTubeOrigin(origin: string) {
  const before = process.env.MUSICDL_YOUTUBE_ORIGIN;
  process.env.MUSICDL_YOUTUBE_ORIGIN = origin;
  return {
    [Symbol.dispose]() {
      if (before === undefined) delete process.env.MUSICDL_YOUTUBE_ORIGIN;
      else process.env.MUSICDL_YOUTUBE_ORIGIN = before;
    },
  };
}

/** Runs ffprobe on a file: codec and container as ffmpeg names them. */
export async function probeAudio(file: string): Promise<{ codec: string; format: string; durationS: number }> {
  const proc = Bun.spawn(
    ["ffprobe", "-v", "error", "-show_entries", "stream=codec_name:format=format_name,duration", "-of", "json", file],
    { stdout: "pipe", stderr: "pipe" },
  );
  const [text, exitCode] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
  if (exitCode !== 0) throw new Error(`ffprobe could not read ${file}`);
  const json = JSON.parse(text) as {
    streams: { codec_name: string }[];
    format: { format_name: string; duration: string };
  };
  return {
    codec: json.streams[0]?.codec_name ?? "",
    format: json.format.format_name,
    durationS: Number(json.format.duration),
  };
}
