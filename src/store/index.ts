/** The store's public surface. */
export { openStore, DEFAULT_STORE_SETTINGS } from "./open-store.ts";
export type { Store, StoreSettings, OpenStoreOptions, StoreLog, ClearOptions } from "./open-store.ts";
export type { PluginCaches } from "./plugin-cache.ts";
export { MISS_TTL_CAP_S, type SearchCache } from "./search-cache.ts";
export { fileFingerprint, type LibraryIndex, type LibraryRow, type PresenceCheck } from "./library-index.ts";
export type {
  PlanStore,
  PlanItemPatch,
  ReconcileItem,
  RunRecord,
  SavePlanOptions,
  StoredPlanItem,
} from "./plan-state.ts";
export type { PlaylistFileRow, PlaylistIndex } from "./playlist-index.ts";
export { LYRICS_MISS_TTL_S, type LyricsCache } from "./lyrics-cache.ts";
export type { LyricsIndex, LyricsRow } from "./lyrics-index.ts";
export {
  LibraryLockedError,
  releaseOnExit,
  type AcquireLockOptions,
  type LibraryLock,
  type LockHolder,
} from "./library-lock.ts";
export type { StoreStats, CacheTableStats } from "./stats.ts";
export { asStoreWriteError, isStoreWriteFailure, StoreWriteError } from "./write-failure.ts";
