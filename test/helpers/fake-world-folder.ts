/** Shared pieces of the e2e suites: a spawned musicdl against a fake world, with its own cache, and file readers. */
import { afterAll, beforeAll } from "bun:test";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Catalog, createSmallCatalog } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { FFPROBE } from "./make-tone.ts";
import { type CliResult, runCli } from "./run-cli.ts";
import { createTempDir } from "./temp-dir.ts";

export const albumUrl = (id: string) => `https://open.spotify.com/album/${id}`;
export const trackUrl = (id: string) => `https://open.spotify.com/track/${id}`;

/**
 * Runs the real CLI with the world's URLs and credentials. `home` holds the store (XDG cache) and config dirs, so
 * runs that share a `home` share plan state and the library index, as a user's repeated runs do.
 */
export function runMusicdl(world: FakeWorld, home: string, args: string[], cwd?: string): Promise<CliResult> {
  return runCli(args, {
    ...(cwd ? { cwd } : {}),
    env: {
      ...world.env,
      HOME: home,
      XDG_CACHE_HOME: join(home, "cache"),
      XDG_CONFIG_HOME: join(home, "config"),
    },
  });
}

/**
 * One test file's set-up for spawned runs: a temp folder (`home/`, `music/`, `musicdl.yaml`) and a fake world over
 * `catalog()` (the small catalog by default), started before the file's tests and removed after them.
 */
export function useFakeWorldFolder(prefix: string, catalog: () => Catalog = createSmallCatalog) {
  const dir = createTempDir(prefix);
  let world: FakeWorld | undefined;
  beforeAll(async () => {
    world = await startFakeWorld({ catalog: catalog() });
  });
  afterAll(async () => {
    await world?.stop();
    dir[Symbol.dispose]();
  });
  return {
    root: dir.path,
    home: join(dir.path, "home"),
    library: join(dir.path, "music"),
    configFile: join(dir.path, "musicdl.yaml"),
    get world(): FakeWorld {
      if (!world) throw new Error("the fake world starts in beforeAll");
      return world;
    },
  };
}

/** Every file under `dir`, absolute, sorted; [] when it does not exist. */
export function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export interface Probe {
  readonly codec: string;
  readonly durationS: number;
}

/** ffprobe's view of the first audio stream: codec and duration (of the stream, else the container). */
export async function probeFile(file: string): Promise<Probe> {
  const child = Bun.spawn(
    [FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-select_streams", "a:0", file],
    {
      stdout: "pipe",
      stderr: "pipe",
    },
  );
  const [text, exitCode] = await Promise.all([new Response(child.stdout).text(), child.exited]);
  if (exitCode !== 0) throw new Error(`ffprobe could not read ${file}`);
  const json = JSON.parse(text) as {
    format: { duration?: string };
    streams: { codec_name: string; duration?: string }[];
  };
  const stream = json.streams[0];
  if (!stream) throw new Error(`${file} has no audio stream`);
  return { codec: stream.codec_name, durationS: Number(stream.duration ?? json.format.duration) };
}

/** Requests the fake YouTube served for media (googlevideo `/videoplayback`). */
export function mediaRequests(world: FakeWorld) {
  return world.youtube.requests.filter((request) => request.path === "/videoplayback");
}
