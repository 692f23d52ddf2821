/** The per-run set of loaded plugins and the rules for picking one: sources, providers in order, one tagger per format. */
import { ConfigError } from "../errors.ts";
import { log } from "../log.ts";
import { type PinTarget, resolvePinTarget } from "../match/pins.ts";
import type {
  AudioFormat,
  LyricsPlugin,
  Plugin,
  ProviderPlugin,
  SourcePlugin,
  SourceRef,
  TaggerPlugin,
} from "./api.ts";
import { callPlugin, callPluginSync } from "./call.ts";

/** `built-in`, or the absolute path of the plugin's file. */
export type PluginOrigin = "built-in" | (string & {});

export interface LoadedPlugin {
  readonly plugin: Plugin;
  readonly origin: PluginOrigin;
}

/** A plugin that was skipped or misbehaved; shown by `musicdl plugins` and warned about once. */
export interface PluginProblem {
  readonly name: string;
  readonly origin: PluginOrigin;
  readonly message: string;
}

/** What `musicdl plugins --json` prints per plugin. Plain JSON. */
export interface PluginInfo {
  readonly kind: Plugin["kind"];
  readonly name: string;
  readonly version: string | null;
  readonly description: string | null;
  readonly origin: PluginOrigin;
  /** The plugin this one replaced, when it declared `overrides`. */
  readonly overrides: string | null;
}

export interface PluginRegistry {
  /** Sources in load order. */
  readonly sources: readonly SourcePlugin[];
  readonly problems: readonly PluginProblem[];
  /** The first source whose `match` recognises `input` (load order), or null. */
  findSource(input: string): { plugin: SourcePlugin; ref: SourceRef } | null;
  /**
   * The recording a pin names, asking the providers `order` names first (`download.audio_providers`), then the
   * other loaded providers; null when none recognises it.
   */
  findPin(text: string, order: readonly string[]): PinTarget | null;
  /**
   * Providers in `download.audio_providers` order; a name no provider has is a ConfigError naming it, except one
   * the load tolerated (with `--no-plugins`), which is skipped.
   */
  providersInOrder(names: readonly string[]): ProviderPlugin[];
  /** Lyrics plugins in `download.lyrics` order; a name no lyrics plugin has is a ConfigError naming it. */
  lyricsInOrder(names: readonly string[]): LyricsPlugin[];
  /** The one tagger for `format`, or undefined when none is loaded. */
  taggerFor(format: AudioFormat): TaggerPlugin | undefined;
  all(): PluginInfo[];
  /** Plugins that answer `musicdl doctor` with a `check` of their own, in load order. */
  checkers(): (Plugin & Required<Pick<Plugin, "check">>)[];
  /** Calls every `setup` in load order; a failure is a PluginError for that plugin. */
  setupAll(): Promise<void>;
  /** Calls every `dispose` once, even after errors; failures are logged, never thrown. */
  disposeAll(): Promise<void>;
}

export interface CreateRegistryOptions {
  readonly loaded: readonly LoadedPlugin[];
  readonly problems?: readonly PluginProblem[];
  /** Names replaced through `overrides`, mapped to the plugin that replaced them. */
  readonly aliases?: ReadonlyMap<string, string>;
  /** For messages: the config file that lists `audio_providers`. */
  readonly configFile?: string | null;
}

export function createPluginRegistry(options: CreateRegistryOptions): PluginRegistry {
  const { loaded, aliases = new Map<string, string>() } = options;
  const byName = new Map(loaded.map((entry) => [entry.plugin.name, entry]));
  const taggers = indexTaggers(loaded);
  const sources = loaded.flatMap(({ plugin }) => (plugin.kind === "source" ? [plugin] : []));
  let disposed = false;

  return {
    sources,
    problems: options.problems ?? [],
    findSource(input) {
      for (const plugin of sources) {
        const ref = callPluginSync(plugin, "match", () => plugin.match(input));
        if (ref) return { plugin, ref };
      }
      return null;
    },
    findPin(text, order) {
      const providers = loaded.flatMap(({ plugin }) => (plugin.kind === "provider" ? [plugin] : []));
      const named = order.flatMap((name) => providers.filter((p) => p.name === (aliases.get(name) ?? name)));
      return resolvePinTarget(text, [...new Set([...named, ...providers])]);
    },
    providersInOrder(requested) {
      // A name the load already let pass as missing (external plugins off: --no-plugins) is skipped, so the run
      // goes on with the built-ins the list also names; a list left empty is still an error.
      const tolerated = new Map(
        (options.problems ?? []).filter((problem) => problem.origin === "config").map((p) => [p.name, p.message]),
      );
      const isTolerated = (name: string) => tolerated.has(name) && !byName.has(aliases.get(name) ?? name);
      const names = requested.filter((name) => !isTolerated(name));
      if (names.length === 0 && requested.length > 0) {
        throw new ConfigError(options.configFile ?? "config", [
          {
            path: "download.audio_providers",
            message: `no provider left to use: ${requested.map((name) => tolerated.get(name)).join("; ")}`,
          },
        ]);
      }
      return names.map((name) => {
        const entry = byName.get(aliases.get(name) ?? name);
        if (entry?.plugin.kind === "provider") return entry.plugin;
        const providers = loaded.filter(({ plugin }) => plugin.kind === "provider").map(({ plugin }) => plugin.name);
        const why = entry ? `"${name}" is a ${entry.plugin.kind}, not a provider` : `no provider is called "${name}"`;
        throw new ConfigError(options.configFile ?? "config", [
          { path: "download.audio_providers", message: `${why}; loaded providers: ${providers.join(", ") || "none"}` },
        ]);
      });
    },
    lyricsInOrder(requested) {
      // As for providers: a plugin the load let pass as missing (--no-plugins) is skipped; no lyrics is no error.
      const tolerated = new Set(
        (options.problems ?? []).filter((problem) => problem.origin === "config").map((p) => p.name),
      );
      const names = requested.filter((name) => !tolerated.has(name) || byName.has(aliases.get(name) ?? name));
      return names.map((name) => {
        const entry = byName.get(aliases.get(name) ?? name);
        if (entry?.plugin.kind === "lyrics") return entry.plugin;
        const known = loaded.filter(({ plugin }) => plugin.kind === "lyrics").map(({ plugin }) => plugin.name);
        const why = entry
          ? `"${name}" is a ${entry.plugin.kind}, not a lyrics plugin`
          : `no lyrics plugin is called "${name}"`;
        throw new ConfigError(options.configFile ?? "config", [
          { path: "download.lyrics", message: `${why}; loaded lyrics plugins: ${known.join(", ") || "none"}` },
        ]);
      });
    },
    taggerFor: (format) => taggers.get(format),
    all: () => loaded.map(toInfo),
    checkers: () =>
      loaded.flatMap(({ plugin }) => (plugin.check ? [plugin as Plugin & Required<Pick<Plugin, "check">>] : [])),
    async setupAll() {
      for (const { plugin } of loaded) {
        if (plugin.setup) await callPlugin(plugin, "setup", () => plugin.setup?.());
      }
    },
    async disposeAll() {
      if (disposed) return;
      disposed = true;
      for (const { plugin } of loaded) {
        try {
          await callPlugin(plugin, "dispose", () => plugin.dispose?.());
        } catch (error) {
          log.warn(error instanceof Error ? error.message : String(error));
        }
      }
    },
  };
}

/** Exactly one tagger per format: two claiming the same format is a conflict the user must settle. */
function indexTaggers(loaded: readonly LoadedPlugin[]): Map<AudioFormat, TaggerPlugin> {
  const taggers = new Map<AudioFormat, LoadedPlugin & { plugin: TaggerPlugin }>();
  for (const entry of loaded) {
    const plugin = entry.plugin;
    if (plugin.kind !== "tagger") continue;
    for (const format of plugin.formats) {
      const other = taggers.get(format);
      if (other) {
        throw new ConfigError(
          entry.origin,
          [
            {
              path: "",
              message: `taggers "${other.plugin.name}" (${other.origin}) and "${plugin.name}" both write ${format}; only one tagger per format may be loaded`,
            },
          ],
          { hint: `Remove one, or give the new one overrides: "${other.plugin.name}".` },
        );
      }
      taggers.set(format, { ...entry, plugin });
    }
  }
  return new Map([...taggers].map(([format, entry]) => [format, entry.plugin]));
}

function toInfo({ plugin, origin }: LoadedPlugin): PluginInfo {
  return {
    kind: plugin.kind,
    name: plugin.name,
    version: plugin.version ?? null,
    description: plugin.description ?? null,
    origin,
    overrides: plugin.overrides ?? null,
  };
}
