/**
 * What a command needs for one library, opened in the right order: log level, the source plugins' say on links
 * (so the config is checked once, against every loaded source), config, store, plugins. `close()` undoes it all.
 */
import { dirname, isAbsolute } from "node:path";
import { loadConfig } from "../config/load.ts";
import { assertWritableFolder } from "../library/writable-folder.ts";
import { checkConfigPins } from "../plan/apply-pins.ts";
import { scratchDirOf } from "../plan/scratch-dir.ts";
import { describeCause } from "../errors.ts";
import type { Config } from "../config/types.ts";
import type { LinkSources } from "../config/source-links.ts";
import { createPluginHttpClient, pluginHttpOptionsFrom } from "../http/plugin-http.ts";
import { log, setLogLevel } from "../log.ts";
import type { HttpClient, PluginEvent } from "../plugins/api.ts";
import { openLinkSources } from "../plugins/link-sources.ts";
import { openPlugins } from "../plugins/open.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import { asStoreWriteError, openStore, type Store } from "../store/index.ts";
import type { GlobalArgs } from "./global-args.ts";

export interface Session {
  readonly config: Config;
  readonly store: Store;
  readonly registry: PluginRegistry;
  close(): Promise<void>;
}

export interface OpenSessionOptions {
  readonly args: GlobalArgs & { _: readonly (string | number)[] };
  readonly ffmpegPath?: string | null;
  readonly http?: HttpClient;
  /** What plugins report while they work (a source sitting out a pause its service asked for). */
  readonly onPluginEvent?: (plugin: string, event: PluginEvent) => void;
  /** The source plugins' say on links, when the command already opened them (`match`). */
  readonly links?: LinkSources;
  /** Check that the library, cache and download scratch folders are writable before anything is fetched. */
  readonly checkFolders?: boolean;
}

export function applyLogLevel(args: GlobalArgs): void {
  setLogLevel(args.debug ? "debug" : args.quiet ? "quiet" : "info");
}

/** Loads the config once, its links checked by the source plugins (opened for that when `links` is not given). */
export async function loadConfigFromArgs(
  args: OpenSessionOptions["args"] & { plugins?: boolean },
  links?: LinkSources,
): Promise<Config> {
  return loadConfig({
    configPath: args.config,
    cwd: process.cwd(),
    env: process.env,
    cliSources: args._.map(String),
    overrides: { output: args.output, format: args.format, bitrate: args.bitrate, threads: args.threads },
    links: links ?? (await openLinkSources({ noExternal: args.plugins === false })),
  });
}

export async function openSession(options: OpenSessionOptions): Promise<Session> {
  const { args } = options;
  applyLogLevel(args);
  const noExternal = args.plugins === false;
  const config = await loadConfigFromArgs(args, options.links);
  for (const warning of config.warnings) log.warn(warning);
  if (options.checkFolders) checkRunFolders(config);
  const store = openStore(config.download.cachePath, { settings: config.download });
  try {
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
      caches: store.plugins,
      settings: config.download,
      credentials: { clientId: config.download.clientId, clientSecret: config.download.clientSecret },
      ...(options.onPluginEvent ? { onEvent: options.onPluginEvent } : {}),
    });
    checkConfigPins(config.download.pins ?? {}, (text) => registry.findPin(text, config.download.audioProviders), {
      configFile: config.file,
      providers: registry.all().flatMap((plugin) => (plugin.kind === "provider" ? [plugin.name] : [])),
    });
    await registry.setupAll();
    return {
      config,
      store,
      registry,
      async close() {
        await registry.disposeAll();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
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

/** Files the config offers every plugin (`download.cookies`), as `openPlugins` takes them. */
export function pluginFilesOf(config: Config): { cookiesFile?: string } {
  return config.download.cookies ? { cookiesFile: config.download.cookies } : {};
}
