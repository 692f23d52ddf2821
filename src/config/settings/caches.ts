/** `download:` keys the store reads (src/store/open-store.ts): the sqlite cache file and the size and age of its caches. */
import * as v from "valibot";
import { durationSchema } from "../durations.ts";
import { defaultCachePath, resolvePath } from "../find-config-file.ts";
import { computedDefault, text, wholeNumber } from "../rules.ts";
import type { SettingsContext } from "./context.ts";

export const cacheKeys = {
  cache_path: v.pipe(
    v.nullish(v.pipe(text, v.nonEmpty("expected a file path"))),
    computedDefault("`$XDG_CACHE_HOME/musicdl/musicdl.sqlite` (`~/.cache/…`)"),
  ),
  cache_max_size: v.nullish(wholeNumber(0), 1000),
  audio_search_cache_max_size: v.nullish(wholeNumber(0), 500),
  audio_search_cache_ttl: v.nullish(durationSchema, 86400),
  // Read and checked for compatibility; the library index replaced the file existence cache.
  file_existence_cache_max_size: v.nullish(wholeNumber(0), 10000),
  file_existence_cache_ttl: v.nullish(durationSchema, 3600),
};
const CacheKeysSchema = v.object(cacheKeys);

export function cacheSettings(file: v.InferOutput<typeof CacheKeysSchema>, { baseDir, env }: SettingsContext) {
  return {
    /** sqlite file holding cache, plan state and library index. */
    cachePath: file.cache_path ? resolvePath(baseDir, file.cache_path, env) : defaultCachePath(env),
    cacheMaxSize: file.cache_max_size,
    audioSearchCacheTtlS: file.audio_search_cache_ttl,
    audioSearchCacheMaxSize: file.audio_search_cache_max_size,
    fileExistenceCacheTtlS: file.file_existence_cache_ttl,
    fileExistenceCacheMaxSize: file.file_existence_cache_max_size,
  } as const;
}
export type CacheSettings = ReturnType<typeof cacheSettings>;
