/** A fake world with the small catalog and a config file for it, for spawned `musicdl download` tests. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, type FakeWorldOptions, startFakeWorld } from "../../fakes/world.ts";

export interface LibraryWorld {
  readonly world: FakeWorld;
  readonly dir: string;
  /** Environment for a spawned musicdl: the world's URLs plus HOME/XDG inside `dir`. */
  readonly env: Record<string, string>;
  /** Writes `<dir>/<name>.yaml` (library `<dir>/<name>`, store `<dir>/<name>-state/musicdl.sqlite`); returns its paths. */
  writeConfig(name: string): { configFile: string; library: string; cachePath: string };
  stop(): Promise<void>;
}

export async function startLibraryWorld(options: Omit<FakeWorldOptions, "catalog"> = {}): Promise<LibraryWorld> {
  const world = await startFakeWorld({ catalog: createSmallCatalog(), decoys: false, ...options });
  const dir = mkdtempSync(join(tmpdir(), "musicdl-cli-"));
  return {
    world,
    dir,
    env: { ...world.env, HOME: dir, XDG_CACHE_HOME: join(dir, "xdg-cache"), XDG_CONFIG_HOME: join(dir, "xdg-config") },
    writeConfig(name) {
      const configFile = join(dir, `${name}.yaml`);
      const library = join(dir, name);
      const cachePath = join(dir, `${name}-state`, "musicdl.sqlite");
      writeFileSync(
        configFile,
        [
          'version: "1.2"',
          "download:",
          "  format: opus",
          "  bitrate: auto",
          `  cache_path: ${cachePath}`,
          // The fakes answer at once; the default 2 requests/s would only make the test slow.
          "  download_rate_limit_enabled: false",
          "  download_bandwidth_limit: null",
          "playlists:",
          `  - https://open.spotify.com/playlist/${SMALL.playlistId}`,
          "albums:",
          `  - https://open.spotify.com/album/${SMALL.albumId}`,
          "",
        ].join("\n"),
      );
      return { configFile, library, cachePath };
    },
    async stop() {
      await world.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");
