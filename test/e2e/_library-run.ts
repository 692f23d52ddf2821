/**
 * Helpers for spawned-CLI runs against the fake world: one folder per test (library, cache, temp, config), the
 * config file, a spawned `musicdl download` that can be killed, bounded polling, and readers for what a user sees
 * afterwards (audio files, M3U entries, temp files, the saved plan).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isTempName } from "../../src/library/atomic-write.ts";
import type { PlanItem } from "../../src/plan/model.ts";
import { openStore } from "../../src/store/index.ts";
import type { Catalog } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import type { CliResult } from "../helpers/run-cli.ts";

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");
const AUDIO = /\.(opus|mp3|m4a|ogg|flac|wav)$/;

export interface LibraryRun extends Disposable {
  readonly root: string;
  readonly library: string;
  readonly configFile: string;
  readonly cachePath: string;
  writeConfig(sources: { playlists?: string[]; albums?: string[]; artists?: string[] }, extra?: string): void;
  /** Starts `musicdl download -c <config> -o <library> …args`; await `.result` for its output. */
  spawn(args?: string[]): SpawnedRun;
  run(args?: string[]): Promise<CliResult>;
  /** `musicdl plan -c <config> -o <library> …args`. */
  plan(args?: string[]): Promise<CliResult>;
  /** Audio files in the library (relative paths, sorted); temp files excluded. */
  audioFiles(): string[];
  tempFiles(): string[];
  /** Titles an M3U lists, in order, read from its #EXTINF lines. */
  m3uTitles(name: string): string[];
  /** The plan the store saved for this library. */
  savedPlan(): PlanItem[];
}

export interface SpawnedRun {
  readonly process: ReturnType<typeof Bun.spawn>;
  readonly result: Promise<CliResult>;
}

export function createLibraryRun(world: FakeWorld): LibraryRun {
  const root = mkdtempSync(join(tmpdir(), "musicdl-e2e-"));
  const library = join(root, "music");
  const configFile = join(root, "musicdl.yaml");
  const cachePath = join(root, "cache", "musicdl", "musicdl.sqlite");
  mkdirSync(join(root, "tmp"), { recursive: true });
  const env = {
    ...process.env,
    ...world.env,
    NO_COLOR: "1",
    XDG_CACHE_HOME: join(root, "cache"),
    XDG_CONFIG_HOME: join(root, "config"),
    TMPDIR: join(root, "tmp"),
  };
  const spawn = (args: string[] = [], command = "download"): SpawnedRun => {
    const child = Bun.spawn([process.execPath, ENTRY, command, "-c", configFile, "-o", library, ...args], {
      env: env as Record<string, string>,
      stdin: "ignore",
      stdout: "pipe",
      stderr: "pipe",
    });
    const result = Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.exited,
    ]).then(([stdout, stderr, exitCode]) => ({ stdout, stderr, exitCode }));
    return { process: child, result };
  };
  const walk = () => (existsSync(library) ? (readdirSync(library, { recursive: true }) as string[]).sort() : []);
  return {
    root,
    library,
    configFile,
    cachePath,
    writeConfig(sources, extra = "") {
      const list = (key: string, urls: string[] = []) =>
        urls.length ? `${key}:\n${urls.map((url) => `  - url: ${url}\n    create_m3u: true`).join("\n")}\n` : "";
      writeFileSync(
        configFile,
        [
          'version: "1.2"',
          "download:",
          '  output: "{artist}/{album}/{track-number} - {title}.{output-ext}"',
          "  format: opus",
          "  bitrate: auto",
          "  threads: 3",
          extra,
          list("playlists", sources.playlists),
          list("albums", sources.albums),
          list("artists", sources.artists),
        ].join("\n"),
      );
    },
    spawn,
    run: (args) => spawn(args).result,
    plan: (args) => spawn(args, "plan").result,
    audioFiles: () => walk().filter((path) => AUDIO.test(path) && !isTempName(path.split("/").pop()!)),
    tempFiles: () => walk().filter((path) => isTempName(path.split("/").pop()!)),
    m3uTitles(name) {
      const text = readFileSync(join(library, `${name}.m3u8`), "utf8");
      return text
        .split("\n")
        .filter((line) => line.startsWith("#EXTINF:"))
        .map((line) =>
          line
            .slice(line.indexOf(",") + 1)
            .split(" - ")
            .slice(1)
            .join(" - "),
        );
    },
    savedPlan() {
      const store = openStore(cachePath);
      try {
        return store.plans.loadPlan(library) ?? [];
      } finally {
        store.close();
      }
    },
    [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The fake world with Opus-only videos: the fake makes each video's audio with ffmpeg on first use, one file per
 * format, and these tests never need the AAC one.
 */
export function startOpusWorld(catalog: Catalog): Promise<FakeWorld> {
  return startFakeWorld({ catalog, audioSeconds: 2, formatsOf: () => ["opus"] });
}

/** Polls `condition` every 20 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await Bun.sleep(20);
  }
}

export const spotifyUrl = (kind: "playlist" | "album" | "artist", id: string) =>
  `https://open.spotify.com/${kind}/${id}`;

/**
 * Titles an M3U of this source should list, in its order (playlist entries that are not tracks left out). A lead
 * single shares its ISRC with an album track, and musicdl keeps the album version: its title is the one listed.
 */
export function titlesOf(catalog: Catalog, kind: "playlist" | "album", id: string): string[] {
  const trackIds =
    kind === "album"
      ? catalog.albums.get(id)!.trackIds
      : catalog.playlists.get(id)!.entries.flatMap((entry) => (entry.type === "track" ? [entry.trackId] : []));
  const albumTitleByIsrc = new Map<string, string>();
  for (const track of catalog.tracks.values()) {
    if (track.isrc && catalog.albums.get(track.albumId)!.albumType === "album")
      albumTitleByIsrc.set(track.isrc, track.name);
  }
  return trackIds.map((trackId) => {
    const track = catalog.tracks.get(trackId)!;
    return (track.isrc && albumTitleByIsrc.get(track.isrc)) || track.name;
  });
}

/** Media bytes the fake served per video since request `from` of its log. */
export function mediaBytesByVideo(world: FakeWorld, from = 0): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const request of world.youtube.requests.slice(from)) {
    if (request.path !== "/videoplayback" || !request.videoId) continue;
    bytes.set(request.videoId, (bytes.get(request.videoId) ?? 0) + (request.bytes ?? 0));
  }
  return bytes;
}
