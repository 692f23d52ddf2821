/** `musicdl cache stats|clear`: what the store holds and how well the caches work, and emptying them. */
import { defineCommand } from "citty";
import { jsonDocument } from "../../util/json-document.ts";
import { resolve } from "node:path";
import { findConfigFile } from "../../config/find-config-file.ts";
import { setLogLevel } from "../../log.ts";
import { openStore, type Store, type StoreStats } from "../../store/index.ts";
import { defaultCachePath } from "../../util/dirs.ts";
import { loadConfigFromArgs } from "../session.ts";

const storeArgs = {
  config: {
    type: "string",
    alias: "c",
    description: "Config file whose cache_path to use (found as `download` finds it)",
    valueHint: "FILE",
  },
  "cache-path": {
    type: "string",
    description: "The store file (default: the config's cache_path, else $XDG_CACHE_HOME/musicdl/musicdl.sqlite)",
    valueHint: "FILE",
  },
  json: { type: "boolean", description: "Machine-readable output on stdout; logs stay on stderr" },
  debug: { type: "boolean", description: "Verbose logs and stack traces" },
  quiet: { type: "boolean", alias: "q", description: "Only warnings and errors" },
} as const;

interface StoreArgs {
  config?: string;
  "cache-path"?: string;
  json?: boolean;
  debug?: boolean;
  quiet?: boolean;
}

/**
 * The one place that decides which file the command opens: `--cache-path`, else the `cache_path` of the config
 * `download` would read (so `cache stats` describes the store that run used), else the default. No config file
 * at all is fine here; a `--config` that does not exist or does not parse is the usual config error.
 */
export async function resolveCachePath(
  args: StoreArgs,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  if (args["cache-path"]) return resolve(args["cache-path"]);
  if (!args.config && !findConfigFile({ cwd: process.cwd(), env }).path) return defaultCachePath(env);
  return (await loadConfigFromArgs({ ...(args.config ? { config: args.config } : {}), _: [] })).download.cachePath;
}

async function withStore<T>(args: StoreArgs, use: (store: Store) => T): Promise<T> {
  setLogLevel(args.debug ? "debug" : args.quiet ? "quiet" : "info");
  const store = openStore(await resolveCachePath(args));
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const stats = defineCommand({
  meta: { name: "stats", description: "Rows, hits, misses and evictions per cache, the library index and plan state" },
  args: storeArgs,
  async run({ args }) {
    const result = await withStore(args, (store) => store.stats());
    process.stdout.write(args.json ? `${JSON.stringify(statsToJson(result), null, 2)}\n` : formatStats(result));
  },
});

const clear = defineCommand({
  meta: {
    name: "clear",
    description: "Empty the plugins' and search caches (default), or only those named",
  },
  args: {
    plugins: {
      type: "boolean",
      alias: ["spotify"],
      description: "The plugins' cached answers (the Spotify source's responses); --spotify is the older name",
    },
    search: { type: "boolean", description: "Cached provider search results" },
    library: {
      type: "boolean",
      // Not a cache: the record of which files musicdl wrote. Without it --prune cannot delete them.
      description: "Also forget which files musicdl wrote (only when named; --prune then leaves those files alone)",
    },
    ...storeArgs,
  },
  async run({ args }) {
    const which = { plugins: args.plugins, search: args.search, library: args.library };
    const path = await resolveCachePath(args);
    const cleared = await withStore(args, (store) => store.clear(which));
    if (args.json) {
      process.stdout.write(`${JSON.stringify(jsonDocument({ path, cleared }), null, 2)}\n`);
      return;
    }
    const names = { plugins: "plugin cache entries", search: "search results", library: "library index rows" };
    const parts = Object.entries(cleared).map(([table, rows]) => `${rows} ${names[table as keyof typeof names]}`);
    process.stdout.write(`Cleared ${parts.join(", ")} from ${path}.\n`);
  },
});

export default defineCommand({
  meta: { name: "cache", description: "Inspect or empty musicdl's cache file" },
  subCommands: { stats, clear },
});

/** The store's own schema version is \`store_schema_version\`: \`schema_version\` is the document's (docs/json.md). */
function statsToJson(stats: StoreStats): Record<string, unknown> {
  const { schemaVersion, ...rest } = stats;
  return jsonDocument({ ...rest, storeSchemaVersion: schemaVersion });
}

function formatStats(stats: StoreStats): string {
  const rate = (hits: number, misses: number) =>
    hits + misses === 0 ? "no lookups yet" : `${Math.round((100 * hits) / (hits + misses))}% hits`;
  const cacheLine = (label: string, table: StoreStats["search"], extra = "") =>
    `${label.padEnd(15)} ${table.rows} rows${extra} · ${rate(table.hits, table.misses)} (${table.hits} hits, ` +
    `${table.misses} misses) · ${table.expired} expired · ${table.evictions} evicted`;
  return [
    `Store           ${stats.path} (${formatBytes(stats.fileBytes)}, schema ${stats.schemaVersion})`,
    cacheLine("Plugin caches", stats.plugins, ` (${stats.plugins.neverExpiringRows} never expire)`),
    cacheLine("Search cache", stats.search),
    `Library index   ${stats.library.files} files and ${stats.library.m3uFiles} M3U files in ${stats.library.libraries} libraries`,
    `Plan state      ${stats.plans.items} items in ${stats.plans.libraries} libraries · ${stats.runs} runs recorded`,
    "",
  ].join("\n");
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
