/**
 * Spawned `musicdl download` runs with external plugins: one fake Spotify and one real mp3 tone per test file, and a
 * throwaway folder per test holding its config, plugin folders, library and cache.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseFile } from "music-metadata";
import { createSmallCatalog, SMALL, startFakeSpotify, type FakeSpotify } from "../../fakes/spotify/index.ts";
import { makeTone } from "./make-tone.ts";
import { runCli, type CliResult } from "./run-cli.ts";

/** The album every run downloads: Paper Boats by Harbor Lights, three tracks. */
export const ALBUM_URL = `https://open.spotify.com/album/${SMALL.albumId}`;
export const ALBUM_TITLES = ["Lanterns", "Tide Tables", "Undertow"];

export interface PluginWorld {
  readonly spotify: FakeSpotify;
  /** A 1 s mp3 made by ffmpeg, which the tone providers "download". */
  readonly tone: string;
  stop(): Promise<void>;
}

export async function startPluginWorld(): Promise<PluginWorld> {
  const spotify = startFakeSpotify({ catalog: createSmallCatalog(), serveCovers: true });
  const dir = mkdtempSync(join(tmpdir(), "musicdl-e2e-tone-"));
  const tone = await makeTone({ codec: "mp3", seconds: 1, file: join(dir, "tone.mp3") });
  return {
    spotify,
    tone,
    async stop() {
      await spotify.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunConfig {
  readonly audioProviders: readonly string[];
  /** `download.plugins_dir`, written as given (relative to the config file). */
  readonly pluginsDir?: string;
  /** The `plugins:` section. */
  readonly plugins?: Readonly<Record<string, unknown>>;
}

export interface RunDir extends Disposable {
  readonly path: string;
  /** `$XDG_CONFIG_HOME` of the run; its `musicdl/plugins` is a plugin folder. */
  readonly configHome: string;
  readonly library: string;
  /** Writes `text` to a path inside the folder and returns the absolute path. */
  write(relativePath: string, text: string): string;
  /** Writes `musicdl.yaml` listing the album and returns its path. */
  writeConfig(config: RunConfig): string;
  /** `musicdl <args> -c musicdl.yaml` against the fakes (download also gets `-o library`). */
  run(args: readonly string[]): Promise<CliResult>;
  /** Library files, relative, sorted. */
  libraryFiles(): string[];
}

export function createRunDir(world: PluginWorld): RunDir {
  const path = mkdtempSync(join(tmpdir(), "musicdl-e2e-plugins-"));
  const configHome = join(path, "xdg-config");
  const library = join(path, "library");
  const write = (relativePath: string, text: string) => {
    const file = join(path, relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  return {
    path,
    configHome,
    library,
    write,
    writeConfig(config) {
      const lines = [
        'version: "1.2"',
        "download:",
        '  output: "{artist}/{album}/{track-number} - {title}.{output-ext}"',
        "  format: mp3",
        "  threads: 2",
        `  audio_providers: ${JSON.stringify(config.audioProviders)}`,
        ...(config.pluginsDir ? [`  plugins_dir: ${JSON.stringify(config.pluginsDir)}`] : []),
        "albums:",
        `  - url: ${ALBUM_URL}`,
        ...(config.plugins ? [`plugins: ${JSON.stringify(config.plugins)}`] : []),
      ];
      return write("musicdl.yaml", `${lines.join("\n")}\n`);
    },
    run(args) {
      const extra = args[0] === "download" ? ["-o", library] : [];
      return runCli([...args, "-c", join(path, "musicdl.yaml"), ...extra], {
        cwd: path,
        env: {
          MUSICDL_SPOTIFY_API_URL: world.spotify.apiUrl,
          MUSICDL_SPOTIFY_ACCOUNTS_URL: world.spotify.accountsUrl,
          SPOTIFY_CLIENT_ID: world.spotify.clientId,
          SPOTIFY_CLIENT_SECRET: world.spotify.clientSecret,
          // Nothing here may reach the real YouTube: a built-in asked by mistake fails at once.
          MUSICDL_YOUTUBE_ORIGIN: "http://127.0.0.1:9",
          XDG_CONFIG_HOME: configHome,
          XDG_CACHE_HOME: join(path, "cache"),
        },
      });
    },
    libraryFiles: () => listFiles(library, ""),
    [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Title, album, artist and comment (the candidate URL) as an independent reader sees them. */
export async function readTags(file: string) {
  const { common, format } = await parseFile(file);
  return {
    codec: format.codec,
    title: common.title,
    album: common.album,
    artist: common.artist,
    comment: common.comment?.map((entry) => entry.text).join(" "),
    hasCover: (common.picture?.length ?? 0) > 0,
  };
}

function listFiles(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? listFiles(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}
