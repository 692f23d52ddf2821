/**
 * Loads built-in and external plugins into a registry. A broken plugin nobody asked for is a warning and skipped;
 * one the config names (in `audio_providers` or `plugins.<name>`) stops the run with exit 2.
 */
import { relative, isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../errors.ts";
import { log } from "../log.ts";
import type { PluginContext, PluginModuleExport } from "./api.ts";
import { discoverPluginFiles } from "./discover.ts";
import { instantiatePlugin, type PluginCandidate } from "./instantiate.ts";
import { applyOverrides } from "./overrides.ts";
import { createPluginRegistry, type LoadedPlugin, type PluginProblem, type PluginRegistry } from "./registry.ts";

/** One entry of the generated `builtin.ts`: the folder name under `plugins/` and a lazy import of its module. */
export interface BuiltinPlugin {
  readonly name: string;
  load(): Promise<PluginModuleExport>;
}

/** A place in the config that names a plugin, e.g. `{ name: "bandcamp", path: "download.audio_providers" }`. */
export interface ConfigReference {
  readonly name: string;
  readonly path: string;
}

export interface LoadPluginsOptions {
  readonly builtins: readonly BuiltinPlugin[];
  /** Plugin folders in order (see `resolvePluginDirs`). */
  readonly dirs: readonly string[];
  readonly namedInConfig?: readonly ConfigReference[];
  /** `--no-plugins`: built-ins only. */
  readonly noExternal?: boolean;
  /**
   * `musicdl plugins`: a plugin the config names that fails, or is missing, becomes a listed problem instead of
   * stopping, so the listing shows everything at once.
   */
  readonly reportOnly?: boolean;
  /** Builds each plugin's context; called only for factories. */
  readonly contextFor: (name: string) => PluginContext;
  /** For messages about config references. */
  readonly configFile?: string | null;
  /** Where skipped-plugin warnings go; consola by default. */
  readonly warn?: (message: string) => void;
}

export interface LoadPluginsResult {
  readonly registry: PluginRegistry;
  readonly problems: readonly PluginProblem[];
}

/** Names the config refers to: every `audio_providers` entry and every `plugins.<name>` key. */
export function configReferences(config: {
  readonly audioProviders: readonly string[];
  readonly pluginOptions: Readonly<Record<string, unknown>>;
}): ConfigReference[] {
  return [
    ...config.audioProviders.map((name) => ({ name, path: "download.audio_providers" })),
    ...Object.keys(config.pluginOptions).map((name) => ({ name, path: `plugins.${name}` })),
  ];
}

export async function loadPlugins(options: LoadPluginsOptions): Promise<LoadPluginsResult> {
  const warn = options.warn ?? ((message: string) => log.warn(message));
  const named = new Map((options.namedInConfig ?? []).map((ref) => [ref.name, ref.path]));
  const problems: PluginProblem[] = [];
  const record = (name: string, origin: string, message: string, outcome: string) => {
    problems.push({ name, origin, message });
    warn(`${displayOrigin(origin, name)}: ${message} (${outcome})`);
  };

  const slots: Slot[] = [];
  for (const candidate of listCandidates(options)) {
    const result = await instantiatePlugin(candidate, options.contextFor);
    slots.push(
      result.ok
        ? { plugin: result.plugin, origin: candidate.origin }
        : { plugin: { name: candidate.name }, origin: candidate.origin, failure: result.message },
    );
  }

  // Overrides and name clashes are settled first, failed plugins included: a plugin another one overrides never
  // runs, so its failure does not count (typically the built-in youtube-music rejecting the options written for
  // its replacement), and a clash is what to fix first when two plugins share a name, whether or not one loads.
  const settled = applyOverrides(slots);
  if (!settled.ok) {
    const { entry } = settled;
    const alsoFailed = isFailed(entry) ? `; this one also failed to load: ${entry.failure}` : "";
    throw new ConfigError(
      displayOrigin(entry.origin, entry.plugin.name),
      [{ path: "", message: `${settled.message}${alsoFailed}` }],
      { hint: settled.hint },
    );
  }
  const loaded: LoadedPlugin[] = [];
  for (const slot of settled.loaded) {
    if (!isFailed(slot)) {
      loaded.push(slot);
      continue;
    }
    const path = named.get(slot.plugin.name);
    if (path !== undefined && !options.reportOnly) {
      throw new ConfigError(displayOrigin(slot.origin, slot.plugin.name), [{ path: "", message: slot.failure }], {
        hint: `The config needs this plugin (${path}); fix the plugin or remove it from ${path}.`,
      });
    }
    record(slot.plugin.name, slot.origin, slot.failure, "skipped");
  }
  for (const note of settled.notes) record(note.entry.plugin.name, note.entry.origin, note.message, "override ignored");
  checkConfigReferences(options, loaded, settled.aliases, problems, warn);

  const registry = createPluginRegistry({
    loaded,
    problems,
    aliases: settled.aliases,
    configFile: options.configFile,
  });
  return { registry, problems };
}

/** A plugin that failed to load, kept in its place until overrides are settled. */
interface FailedPlugin {
  readonly plugin: { readonly name: string; readonly overrides?: undefined };
  readonly origin: string;
  readonly failure: string;
}
type Slot = LoadedPlugin | FailedPlugin;

function isFailed(slot: Slot): slot is FailedPlugin {
  return "failure" in slot;
}

function listCandidates(options: LoadPluginsOptions): PluginCandidate[] {
  const builtins = options.builtins.map((builtin) => ({
    name: builtin.name,
    origin: "built-in",
    load: () => builtin.load(),
  }));
  if (options.noExternal) return builtins;
  const external = discoverPluginFiles(options.dirs).map((found) => ({
    name: found.name,
    origin: found.file,
    load: () => import(pathToFileURL(found.file).href).then((module: { default?: unknown }) => module.default),
  }));
  return [...builtins, ...external];
}

/** A name the config relies on must exist; with `--no-plugins` (or `reportOnly`) its absence is only a warning. */
function checkConfigReferences(
  options: LoadPluginsOptions,
  loaded: readonly LoadedPlugin[],
  aliases: ReadonlyMap<string, string>,
  problems: PluginProblem[],
  warn: (message: string) => void,
): void {
  const names = new Set(loaded.map((entry) => entry.plugin.name));
  for (const ref of options.namedInConfig ?? []) {
    if (names.has(ref.name) || aliases.has(ref.name)) continue;
    // Already listed: it failed to load, or an earlier reference named it.
    if (problems.some((problem) => problem.name === ref.name)) continue;
    const message = `${ref.path} names the plugin "${ref.name}", but no plugin by that name was found`;
    if (options.noExternal || options.reportOnly) {
      const why = options.noExternal ? " (external plugins are off: --no-plugins)" : "";
      problems.push({ name: ref.name, origin: "config", message: `${message}${why}` });
      warn(problems.at(-1)!.message);
      continue;
    }
    throw new ConfigError(options.configFile ?? "config", [{ path: ref.path, message }], {
      hint: `Looked in: built-ins, ${options.dirs.join(", ") || "no plugin folders"}. Put ${ref.name}.ts in one of those folders.`,
    });
  }
}

/** A plugin file path short enough to read: relative to the working folder when inside it. */
export function displayOrigin(origin: string, name: string): string {
  if (origin === "built-in") return `built-in plugin ${name}`;
  const rel = relative(process.cwd(), origin);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : origin;
}
