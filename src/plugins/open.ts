/** One call that gives a command its plugin registry: folders resolved, contexts built, plugins loaded. */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { cacheDir, pluginTempRoot } from "../util/dirs.ts";
import { VERSION } from "../version.ts";
import type { HttpClient, PluginEvent } from "./api.ts";
import type { Clock } from "../util/clock.ts";
import { builtinPlugins } from "./builtin.ts";
import { createBasicHttpClient, createPluginContext } from "./context.ts";
import { compiledBinaryPath, resolvePluginDirs } from "./discover.ts";
import type { PluginCaches } from "../store/plugin-cache.ts";
import { configReferences, loadPlugins, type BuiltinPlugin, type LoadPluginsResult } from "./load.ts";

export interface OpenPluginsOptions {
  /** `download.plugins_dir` (absolute) plus any `--plugins-dir`. */
  readonly pluginsDirs?: readonly string[];
  /** `download.audio_providers`; each must name a loaded provider. */
  readonly audioProviders?: readonly string[];
  /** The config's `plugins:` section. */
  readonly pluginOptions?: Readonly<Record<string, unknown>>;
  /** The config's `download.cookies` (absolute), offered to every plugin as `ctx.cookiesFile`. */
  readonly cookiesFile?: string;
  readonly configFile?: string | null;
  readonly noExternal?: boolean;
  /** List a broken or missing plugin the config names as a problem instead of stopping (`musicdl plugins`). */
  readonly reportOnly?: boolean;
  /** The shared, rate-limited client; plain fetch when omitted. */
  readonly http?: HttpClient;
  readonly ffmpegPath?: string | null;
  /** Cache root (the plugin gets `<cache>/plugins/<name>`); `$XDG_CACHE_HOME/musicdl` by default. */
  readonly cacheDir?: string;
  /** Temp root (the plugin gets `<temp>/<name>`, removed by `disposeAll`); this process's own folder by default. */
  readonly tempDir?: string;
  readonly builtins?: readonly BuiltinPlugin[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The store's plugin caches; each plugin gets an in-memory cache when omitted. */
  readonly caches?: PluginCaches;
  /** `config.download`, offered to plugins as `ctx.settings` (credentials left out). */
  readonly settings?: object;
  /** The built-in source's app credentials (`ctx.credentials` of built-ins only). */
  readonly credentials?: { readonly clientId?: string; readonly clientSecret?: string };
  readonly clock?: Clock;
  /** Where skipped-plugin warnings go (consola by default); a load that only peeks at sources silences them. */
  readonly warn?: (message: string) => void;
  /** What plugins report while they work (`ctx.report`). */
  readonly onEvent?: (plugin: string, event: PluginEvent) => void;
}

export async function openPlugins(options: OpenPluginsOptions = {}): Promise<LoadPluginsResult & { dirs: string[] }> {
  const env = options.env ?? process.env;
  const dirs = resolvePluginDirs({ configDirs: options.pluginsDirs, binaryPath: compiledBinaryPath(), env });
  const pluginOptions = options.pluginOptions ?? {};
  const http = options.http ?? createBasicHttpClient();
  const cache = options.cacheDir ?? cacheDir(env);
  const temp = options.tempDir ?? pluginTempRoot();
  const contexts = new Set<string>();
  const builtins = options.builtins ?? builtinPlugins;
  const builtinNames = new Set(builtins.map((builtin) => builtin.name));
  const result = await loadPlugins({
    builtins,
    dirs,
    namedInConfig: configReferences({ audioProviders: options.audioProviders ?? [], pluginOptions }),
    noExternal: options.noExternal,
    reportOnly: options.reportOnly,
    ...(options.warn ? { warn: options.warn } : {}),
    configFile: options.configFile,
    contextFor: (name) => {
      contexts.add(name);
      return createPluginContext({
        name,
        options: pluginOptions[name],
        http,
        dirs: { cache, temp },
        ffmpegPath: options.ffmpegPath ?? null,
        version: VERSION,
        ...(options.cookiesFile ? { cookiesFile: options.cookiesFile } : {}),
        ...(options.caches ? { cache: options.caches.forPlugin(name) } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.settings ? { settings: options.settings } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        builtin: builtinNames.has(name),
        env,
      });
    },
  });
  const { registry } = result;
  // What api.ts promises plugins: `ctx.dirs.temp` is emptied by the core, here once the plugins are done with it.
  const disposeAll = async () => {
    await registry.disposeAll();
    await Promise.all([...contexts].map((name) => rm(join(temp, name), { recursive: true, force: true })));
    if (options.tempDir === undefined) await rm(temp, { recursive: true, force: true });
  };
  return { ...result, registry: { ...registry, disposeAll }, dirs };
}
