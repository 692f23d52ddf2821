/**
 * What a command needs for one library, opened in the right order: log level, plugins (so source plugins can
 * vouch for their links while the config is checked), config, store, Spotify client. `close()` undoes it all.
 */
import { dirname, isAbsolute } from "node:path";
import { loadConfig } from "../config/load.ts";
import { assertWritableFolder } from "../library/writable-folder.ts";
import { checkConfigPins } from "../plan/apply-pins.ts";
import { scratchDirOf } from "../plan/scratch-dir.ts";
import { ConfigError, describeCause } from "../errors.ts";
import { compiledBinaryPath, discoverPluginFiles, resolvePluginDirs } from "../plugins/discover.ts";
import type { Config } from "../config/types.ts";
import { createPluginHttpClient, pluginHttpOptionsFrom } from "../http/plugin-http.ts";
import { log, setLogLevel } from "../log.ts";
import type { HttpClient } from "../plugins/api.ts";
import { openPlugins } from "../plugins/open.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import { withFreshTracksAndAlbums } from "../spotify/cache.ts";
import { createSpotifyClient, type SpotifyClient, type SpotifyEvent } from "../spotify/client.ts";
import { asStoreWriteError, openStore, type Store } from "../store/index.ts";
import type { GlobalArgs } from "./global-args.ts";

export interface Session {
  readonly config: Config;
  readonly store: Store;
  readonly registry: PluginRegistry;
  readonly spotify: SpotifyClient;
  close(): Promise<void>;
}

export interface OpenSessionOptions {
  readonly args: GlobalArgs & { _: readonly (string | number)[] };
  readonly ffmpegPath?: string | null;
  readonly http?: HttpClient;
  readonly onSpotifyEvent?: (event: SpotifyEvent) => void;
  /** Check that the library, cache and download scratch folders are writable before anything is fetched. */
  readonly checkFolders?: boolean;
}

export function applyLogLevel(args: GlobalArgs): void {
  setLogLevel(args.debug ? "debug" : args.quiet ? "quiet" : "info");
}

export async function loadConfigFromArgs(
  args: OpenSessionOptions["args"],
  isKnownSource?: (url: string) => boolean,
): Promise<Config> {
  return loadConfig({
    configPath: args.config,
    cwd: process.cwd(),
    env: process.env,
    cliSources: args._.map(String),
    overrides: { output: args.output, format: args.format, bitrate: args.bitrate, threads: args.threads },
    ...(isKnownSource ? { isKnownSource } : {}),
  });
}

export async function openSession(options: OpenSessionOptions): Promise<Session> {
  const { args } = options;
  applyLogLevel(args);
  const noExternal = args.plugins === false;
  const config = await loadConfigWithSourcePlugins(args, noExternal);
  for (const warning of config.warnings) log.warn(warning);
  if (options.checkFolders) checkRunFolders(config);
  const { registry } = await openPlugins({
    pluginsDirs: config.download.pluginsDirs,
    audioProviders: config.download.audioProviders,
    pluginOptions: config.pluginOptions,
    ...pluginFilesOf(config),
    configFile: config.file,
    noExternal,
    ffmpegPath: options.ffmpegPath ?? null,
    // One budget for every plugin's requests, so two providers cannot together exceed the configured pace.
    http: options.http ?? createPluginHttpClient(pluginHttpOptionsFrom(config.download)),
  });
  checkConfigPins(config.download.pins ?? {}, (text) => registry.findPin(text, config.download.audioProviders), {
    configFile: config.file,
    providers: registry.all().flatMap((plugin) => (plugin.kind === "provider" ? [plugin.name] : [])),
  });
  const store = openStore(config.download.cachePath, { settings: config.download });
  const spotify = createSpotifyClient({
    settings: config.download,
    // Re-tagging must see album and track renames; those cache entries never expire otherwise.
    cache: config.download.overwrite === "metadata" ? withFreshTracksAndAlbums(store.spotify) : store.spotify,
    ...(options.onSpotifyEvent ? { onEvent: options.onSpotifyEvent } : {}),
  });
  await registry.setupAll();
  return {
    config,
    store,
    registry,
    spotify,
    async close() {
      await registry.disposeAll();
      store.close();
    },
  };
}

/**
 * Closes the session after its work. When the work already failed, a second error from closing (the same full
 * disk, met again while saving counters) is only logged: the first one is what the user must see.
 */
export async function closeAfter(session: Session, workFailed: boolean): Promise<void> {
  try {
    await session.close();
  } catch (error) {
    if (!workFailed) throw asStoreWriteError(error, session.store.path);
    log.debug(`closing after the failure above also failed: ${describeCause(error)}`);
  }
}

/** The folders a download writes into, each created and written once before the first request. */
function checkRunFolders(config: Config): void {
  const { outputDir, cachePath, output } = config.download;
  const fixedRoot = isAbsolute(output)
    ? output.slice(0, output.indexOf("{") < 0 ? undefined : output.indexOf("{"))
    : "";
  const folders = [
    { role: "library folder", path: outputDir, fix: "Fix its permissions, or choose another folder with -o/--output." },
    ...(fixedRoot
      ? [
          {
            role: "library folder",
            path: dirname(`${fixedRoot}x`),
            fix: "Fix its permissions, or change download.output.",
          },
        ]
      : []),
    {
      role: "cache folder",
      path: dirname(cachePath),
      fix: "Fix its permissions, or point download.cache_path (or XDG_CACHE_HOME) at a writable folder.",
    },
    {
      role: "download scratch folder",
      path: scratchDirOf(outputDir, cachePath),
      fix: "Partial downloads are kept under the system temp folder; set TMPDIR to a writable folder.",
    },
  ];
  for (const folder of folders) assertWritableFolder(folder);
}

/**
 * Loads the config; only when it fails and external plugins exist are they loaded, so a source plugin can vouch
 * for links that are not Spotify's. Built-ins have no sources, and loading them first would slow every error.
 */
export async function loadConfigWithSourcePlugins(
  args: OpenSessionOptions["args"],
  noExternal: boolean,
): Promise<Config> {
  try {
    return await loadConfigFromArgs(args);
  } catch (error) {
    if (!(error instanceof ConfigError) || noExternal) throw error;
    const dirs = resolvePluginDirs({ binaryPath: compiledBinaryPath() });
    if (discoverPluginFiles(dirs).length === 0) throw error;
    const early = await openPlugins({ builtins: [] });
    return loadConfigFromArgs(args, (url) => early.registry.findSource(url) !== null);
  }
}

/** Files the config offers every plugin (`download.cookies`), as `openPlugins` takes them. */
export function pluginFilesOf(config: Config): { cookiesFile?: string } {
  return config.download.cookies ? { cookiesFile: config.download.cookies } : {};
}
