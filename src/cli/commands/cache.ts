/** `musicdl cache stats|clear`: what the store holds and how well the caches work, and emptying them. */
import { defineCommand } from "citty";
import { resolve } from "node:path";
import { setLogLevel } from "../../log.ts";
import { defaultCachePath, openStore, type Store, type StoreStats } from "../../store/index.ts";

const storeArgs = {
  "cache-path": {
    type: "string",
    description: "The store file (default: $XDG_CACHE_HOME/musicdl/musicdl.sqlite)",
    valueHint: "FILE",
  },
  json: { type: "boolean", description: "Machine-readable output on stdout; logs stay on stderr" },
  debug: { type: "boolean", description: "Verbose logs and stack traces" },
  quiet: { type: "boolean", alias: "q", description: "Only warnings and errors" },
} as const;

interface StoreArgs {
  "cache-path"?: string;
  json?: boolean;
  debug?: boolean;
  quiet?: boolean;
}

/**
 * The one place that decides which file the command opens. When config loading lands, this becomes
 * `args["cache-path"] ?? (await loadConfig(args)).download.cachePath` and the rest of the file stays as is.
 */
export function resolveCachePath(args: StoreArgs, env: Record<string, string | undefined> = process.env): string {
  return args["cache-path"] ? resolve(args["cache-path"]) : defaultCachePath(env);
}

function withStore<T>(args: StoreArgs, use: (store: Store) => T): T {
  setLogLevel(args.debug ? "debug" : args.quiet ? "quiet" : "info");
  const store = openStore(resolveCachePath(args));
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const stats = defineCommand({
  meta: { name: "stats", description: "Rows, hits, misses and evictions per cache, the library index and plan state" },
  args: storeArgs,
  run({ args }) {
    const result = withStore(args, (store) => store.stats());
    process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatStats(result));
  },
});

const clear = defineCommand({
  meta: {
    name: "clear",
    description: "Empty the Spotify and search caches (default), or only those named",
  },
  args: {
    spotify: { type: "boolean", description: "Cached Spotify responses" },
    search: { type: "boolean", description: "Cached provider search results" },
    library: {
      type: "boolean",
      // Not a cache: the record of which files musicdl wrote. Without it --prune cannot delete them.
      description: "Also forget which files musicdl wrote (only when named; --prune then leaves those files alone)",
    },
    ...storeArgs,
  },
  run({ args }) {
    const which = { spotify: args.spotify, search: args.search, library: args.library };
    const path = resolveCachePath(args);
    const cleared = withStore(args, (store) => store.clear(which));
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ path, cleared }, null, 2)}\n`);
      return;
    }
    const names = { spotify: "Spotify responses", search: "search results", library: "library index rows" };
    const parts = Object.entries(cleared).map(([table, rows]) => `${rows} ${names[table as keyof typeof names]}`);
    process.stdout.write(`Cleared ${parts.join(", ")} from ${path}.\n`);
  },
});

export default defineCommand({
  meta: { name: "cache", description: "Inspect or empty musicdl's cache file" },
  subCommands: { stats, clear },
});

function formatStats(stats: StoreStats): string {
  const rate = (hits: number, misses: number) =>
    hits + misses === 0 ? "no lookups yet" : `${Math.round((100 * hits) / (hits + misses))}% hits`;
  const cacheLine = (label: string, table: StoreStats["search"], extra = "") =>
    `${label.padEnd(15)} ${table.rows} rows${extra} · ${rate(table.hits, table.misses)} (${table.hits} hits, ` +
    `${table.misses} misses) · ${table.expired} expired · ${table.evictions} evicted`;
  return [
    `Store           ${stats.path} (${formatBytes(stats.fileBytes)}, schema ${stats.schemaVersion})`,
    cacheLine("Spotify cache", stats.spotify, ` (${stats.spotify.neverExpiringRows} never expire)`),
    cacheLine("Search cache", stats.search),
    `Library index   ${stats.library.files} files in ${stats.library.libraries} libraries`,
    `Plan state      ${stats.plans.items} items in ${stats.plans.libraries} libraries · ${stats.runs} runs recorded`,
    "",
  ].join("\n");
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
