/** One call that gives a command its plugin registry: folders resolved, contexts built, plugins loaded. */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { cacheDir, pluginTempRoot } from "../util/dirs.ts";
import { VERSION } from "../version.ts";
import type { HttpClient } from "./api.ts";
import { builtinPlugins } from "./builtin.ts";
import { createBasicHttpClient, createPluginContext } from "./context.ts";
import { compiledBinaryPath, resolvePluginDirs } from "./discover.ts";
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
}

export async function openPlugins(options: OpenPluginsOptions = {}): Promise<LoadPluginsResult & { dirs: string[] }> {
  const env = options.env ?? process.env;
  const dirs = resolvePluginDirs({ configDirs: options.pluginsDirs, binaryPath: compiledBinaryPath(), env });
  const pluginOptions = options.pluginOptions ?? {};
  const http = options.http ?? createBasicHttpClient();
  const cache = options.cacheDir ?? cacheDir(env);
  const temp = options.tempDir ?? pluginTempRoot();
  const contexts = new Set<string>();
  const result = await loadPlugins({
    builtins: options.builtins ?? builtinPlugins,
    dirs,
    namedInConfig: configReferences({ audioProviders: options.audioProviders ?? [], pluginOptions }),
    noExternal: options.noExternal,
    reportOnly: options.reportOnly,
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
