/** The plugins' keyed caches (`ctx.cache`): one table, each plugin's keys kept apart under its name. */
import type { Database } from "bun:sqlite";
import type { KeyedCache } from "../plugins/api.ts";
import { createTtlCache, type TtlCache, type TtlCacheOptions } from "./_ttl-cache.ts";

/**
 * `ttlS: null` means never expires: a source uses it for answers that cannot change under their key (a track by
 * id, a list's contents under its version marker). `cacheMaxSize` bounds **only expiring rows** (list pages,
 * search answers…): the origin's default of 1000 would otherwise evict a library of thousands of tracks on every
 * run and turn each re-run into thousands of requests. Never-expiring rows grow with the library (a few KB each)
 * and go with `musicdl cache clear --plugins`.
 *
 * Never store secrets: a key or value that `redact` would change (a registered secret, an `access_token=` pair…)
 * is not stored at all (counted as `plugins.refused`).
 */
export interface PluginCaches {
  /** The cache plugin `name` gets as `ctx.cache`. */
  forPlugin(name: string): KeyedCache;
}

/** Row keys are `<plugin name>` TAB `<the plugin's key>`; a plugin name has no TAB, so no plugin reads another's. */
export function pluginCacheKey(plugin: string, key: string): string {
  return `${plugin}\t${key}`;
}

export function createPluginCaches(
  db: Database,
  options: Omit<TtlCacheOptions, "table" | "counterPrefix">,
): PluginCaches & Pick<TtlCache, "flush"> {
  const rows = createTtlCache(db, { ...options, table: "plugin_cache", counterPrefix: "plugins" });
  return {
    forPlugin: (name) => ({
      get: (key) => rows.get(pluginCacheKey(name, key)),
      set: (key, value, ttlS) => rows.set(pluginCacheKey(name, key), value, ttlS),
    }),
    flush: () => rows.flush(),
  };
}
