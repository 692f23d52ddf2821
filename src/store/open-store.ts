/** The one bun:sqlite store: caches, plan state, library index and locks in one file, opened once per run. */
import type { Database } from "bun:sqlite";
import type { CacheSettings } from "../config/types.ts";
import { log as defaultLog } from "../log.ts";
import { type Clock, systemClock } from "../util/clock.ts";
import { createCounters } from "./_counters.ts";
import { openDatabase } from "./_database.ts";
import { createLibraryIndex, type LibraryIndex } from "./library-index.ts";
import { type AcquireLockOptions, acquireLibraryLock, type LibraryLock } from "./library-lock.ts";
import { createLyricsCache, type LyricsCache } from "./lyrics-cache.ts";
import { createLyricsIndex, type LyricsIndex } from "./lyrics-index.ts";
import { createPinStore, type PinStore } from "./pin-store.ts";
import { createPlanStore, type PlanStore } from "./plan-state.ts";
import { createPlaylistIndex, type PlaylistIndex } from "./playlist-index.ts";
import { createSearchCache, type SearchCache } from "./search-cache.ts";
import { createPluginCaches, type PluginCaches } from "./plugin-cache.ts";
import { readStats, type StoreStats } from "./stats.ts";
import { asStoreWriteError } from "./write-failure.ts";

export type StoreSettings = Pick<CacheSettings, "cacheMaxSize" | "audioSearchCacheTtlS" | "audioSearchCacheMaxSize">;

/** The origin's defaults (config-origin.md); the config loader normally passes its own values. */
export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  cacheMaxSize: 1000,
  audioSearchCacheTtlS: 86_400,
  audioSearchCacheMaxSize: 500,
};

export interface StoreLog {
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
}

export interface OpenStoreOptions {
  readonly clock?: Clock;
  readonly log?: StoreLog;
  /** Pass `config.download`; missing fields take DEFAULT_STORE_SETTINGS. */
  readonly settings?: Partial<StoreSettings>;
}

/** What `clear` removes. None given = plugins + search: the library index is not a cache but the record of
 * which files musicdl wrote; without it every track is fetched again and `--prune` no longer deletes anything. */
export interface ClearOptions {
  /** The plugins' keyed caches (the Spotify source's responses among them). */
  readonly plugins?: boolean;
  readonly search?: boolean;
  readonly library?: boolean;
}

export interface Store {
  readonly path: string;
  /** Each plugin's `ctx.cache`. */
  readonly plugins: PluginCaches;
  readonly search: SearchCache;
  /** The index of one library; `libraryKey` = its absolute output dir. */
  library(libraryKey: string): LibraryIndex;
  /** Lyrics providers' answers (hits for good, misses for a day). */
  readonly lyrics: LyricsCache;
  /** Which tracks of that library have their lyrics, and the `.lrc` files musicdl wrote there. */
  lyricsIndex(libraryKey: string): LyricsIndex;
  /** The M3U files musicdl wrote into that library. */
  playlists(libraryKey: string): PlaylistIndex;
  readonly plans: PlanStore;
  /** `musicdl match --pin/--skip` choices; `clear` never touches them. */
  readonly pins: PinStore;
  /**
   * Locks the library folder `libraryKey` for this process, whatever store other runs use; throws LibraryLockedError
   * (exit 3) when another live process holds it and `wait` is false.
   */
  acquireLibraryLock(libraryKey: string, options: AcquireLockOptions): Promise<LibraryLock>;
  stats(): StoreStats;
  /** Deletes rows and resets those tables' counters; returns rows deleted per table. */
  clear(options?: ClearOptions): { plugins?: number; search?: number; library?: number };
  /** Saves counters, releases this process's locks, closes the file. */
  close(): void;
}

const LYRICS_MISSES_KEPT = 20_000;

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? defaultLog;
  const settings = { ...DEFAULT_STORE_SETTINGS, ...options.settings };
  const db: Database = openDatabase(path, clock, log);
  const counters = createCounters(db);
  const common = { clock, counters, log };
  // Locks live in the library folders, not in this file: two stores cannot both hold one library (issue 15).
  const locks = new Set<LibraryLock>();
  const libraries = new Map<string, LibraryIndex>();
  let closed = false;
  const plugins = createPluginCaches(db, { ...common, maxEntries: settings.cacheMaxSize });
  const search = createSearchCache(db, {
    ...common,
    maxEntries: settings.audioSearchCacheMaxSize,
    ttlS: settings.audioSearchCacheTtlS,
  });
  // Only misses expire and count against the size; a generous bound, since each row is a few bytes.
  const lyrics = createLyricsCache(db, { ...common, maxEntries: LYRICS_MISSES_KEPT });
  // The caches buffer their writes for a microtask; anything that reads the tables directly sees them first.
  const flushCaches = () => {
    plugins.flush();
    search.flush();
    lyrics.flush();
  };

  return {
    path,
    plugins,
    search,
    library(libraryKey) {
      const index = libraries.get(libraryKey) ?? createLibraryIndex(db, libraryKey);
      libraries.set(libraryKey, index);
      return index;
    },
    lyrics,
    lyricsIndex: (libraryKey) => createLyricsIndex(db, libraryKey),
    playlists: (libraryKey) => createPlaylistIndex(db, libraryKey),
    plans: createPlanStore(db, clock),
    pins: createPinStore(db, clock),
    async acquireLibraryLock(libraryKey, lockOptions) {
      const lock = await acquireLibraryLock(libraryKey, lockOptions, log, clock);
      locks.add(lock);
      return lock;
    },
    stats: () => {
      flushCaches();
      return readStats(db, path, counters.read());
    },
    clear(which = {}) {
      flushCaches();
      const none = !which.plugins && !which.search && !which.library;
      const tables = {
        plugins: none || which.plugins ? "plugin_cache" : null,
        search: none || which.search ? "search_cache" : null,
        library: which.library ? "library_files" : null,
      } as const;
      const deleted: { plugins?: number; search?: number; library?: number } = {};
      db.transaction(() => {
        for (const [name, table] of Object.entries(tables) as [keyof typeof tables, string | null][]) {
          if (!table) continue;
          deleted[name] = db.run(`DELETE FROM ${table}`).changes;
          counters.reset(`${name}.`);
        }
        // The M3U and .lrc files musicdl wrote are part of the same record.
        if (which.library) {
          deleted.library = (deleted.library ?? 0) + db.run("DELETE FROM library_playlists").changes;
          deleted.library += db.run("DELETE FROM library_lyrics").changes;
        }
        // Lyrics answers are a cache like the search results: cleared with them.
        if (tables.search) db.run("DELETE FROM lyrics_cache");
      }).immediate();
      return deleted;
    },
    close() {
      if (closed) return;
      closed = true;
      // Every step runs, and the file is closed, even when one fails (a full disk): the first failure is thrown
      // after, as a StoreWriteError naming the file.
      let failure: unknown;
      const releaseLocks = () => {
        for (const lock of locks) lock.release();
      };
      for (const step of [flushCaches, releaseLocks, () => counters.flush()]) {
        try {
          step();
        } catch (error) {
          failure ??= error;
        }
      }
      db.close();
      if (failure !== undefined) throw asStoreWriteError(failure, path);
    },
  };
}
