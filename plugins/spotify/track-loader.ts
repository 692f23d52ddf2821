/**
 * Full track objects (the only ones with ISRC) fetched the cheapest way: cached ids cost nothing, the rest go in
 * `GET /tracks?ids=` batches of 50 shared by every source being resolved, or one `GET /tracks/{id}` each when the
 * batch endpoint is gone (Feb 2026 dev-mode apps answer it with 403; jjdenhertog/spotify-to-plex#131).
 * Nothing is sent while a playlist (or saved tracks) is still listing, since it may hand over the very tracks;
 * partial batches also wait for albums and artists still listing, since they may add ids to fill the batch.
 */
import type { TrackMeta } from "musicdl/plugin";
import { cacheKeys, type SpotifyCache } from "./cache.ts";
import { SpotifyApiError, SpotifyAuthError, SpotifyNotFoundError } from "./errors.ts";
import { toTrackMeta } from "./map.ts";
import { FullTrackSchema, SeveralTracksSchema } from "./schemas.ts";
import type { SpotifyEvent, SpotifyStats, SpotifyTransport } from "./transport.ts";

/** Spotify's maximum ids per `GET /tracks?ids=`. */
export const BATCH_SIZE = 50;

export interface TrackLoader {
  /** Full tracks by id; null for ids Spotify does not know or that are unavailable. */
  load(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, TrackMeta | null>>;
  /**
   * Full tracks a list endpoint already returned: cached, and handed to anyone waiting for them. `cached`: they
   * came out of the cache (a playlist snapshot seen before), so they were stored when first listed.
   */
  provide(tracks: readonly TrackMeta[], options?: { cached?: boolean }): void;
  /**
   * Marks a source as still listing; call the returned function once it is done. `provider`: it lists full tracks
   * (playlist, saved) and may supply queued ids; `lister`: it lists ids needing full tracks (album, artist).
   */
  beginListing(kind: "provider" | "lister"): () => void;
}

export interface TrackLoaderOptions {
  readonly transport: SpotifyTransport;
  readonly cache: SpotifyCache;
  readonly stats: SpotifyStats;
  /** Query suffix such as `&market=DE`, or "". */
  readonly marketQuery: () => string;
  readonly onEvent?: (event: SpotifyEvent) => void;
}

interface Waiter {
  resolve(track: TrackMeta | null): void;
  reject(error: unknown): void;
}

export function createTrackLoader(options: TrackLoaderOptions): TrackLoader {
  const { transport, cache, stats } = options;
  const queued = new Map<string, Waiter>();
  const known = new Map<string, Promise<TrackMeta | null>>();
  let batchSupport: "unknown" | "yes" | "no" = "unknown";
  let probing = false;
  const listing = { provider: 0, lister: 0 };
  let idleCheckScheduled = false;

  function request(id: string): Promise<TrackMeta | null> {
    const cached = cache.get(cacheKeys.track(id)) as TrackMeta | undefined;
    if (cached) {
      stats.cacheHits++;
      return Promise.resolve(cached);
    }
    const existing = known.get(id);
    if (existing) return existing;
    const promise = new Promise<TrackMeta | null>((resolve, reject) => queued.set(id, { resolve, reject }));
    promise.catch(() => undefined); // callers that gave up must not turn a later failure into an unhandled rejection
    known.set(id, promise);
    return promise;
  }

  function settle(id: string, waiter: Waiter, track: TrackMeta | null): void {
    if (track) cache.set(cacheKeys.track(id), track, null);
    known.delete(id);
    waiter.resolve(track);
  }

  function fail(id: string, waiter: Waiter, error: unknown): void {
    known.delete(id);
    waiter.reject(error);
  }

  function takeQueued(count: number): [string, Waiter][] {
    const taken = [...queued].slice(0, count);
    for (const [id] of taken) queued.delete(id);
    return taken;
  }

  function sendSingle(id: string, waiter: Waiter): void {
    transport
      .get(`/tracks/${id}${options.marketQuery().replace("&", "?")}`, FullTrackSchema)
      .then((track) => settle(id, waiter, toTrackMeta(track)))
      .catch((error) => (error instanceof SpotifyNotFoundError ? settle(id, waiter, null) : fail(id, waiter, error)));
  }

  function sendBatch(entries: [string, Waiter][]): void {
    if (batchSupport === "unknown") probing = true;
    const ids = entries.map(([id]) => id);
    transport
      .get(`/tracks?ids=${ids.join(",")}${options.marketQuery()}`, SeveralTracksSchema)
      .then((answer) => {
        batchSupport = "yes";
        entries.forEach(([id, waiter], index) => {
          const track = answer.tracks[index];
          settle(id, waiter, track ? toTrackMeta(track) : null);
        });
      })
      .catch((error) => {
        if (batchSupport !== "yes" && isEndpointGone(error)) {
          batchSupport = "no";
          options.onEvent?.({ type: "batch-unavailable" });
          for (const [id, waiter] of entries) sendSingle(id, waiter);
        } else {
          for (const [id, waiter] of entries) fail(id, waiter, error);
        }
      })
      .finally(() => {
        probing = false;
        flush();
      });
  }

  function flush(): void {
    if (listing.provider > 0) return;
    if (batchSupport === "no") {
      for (const [id, waiter] of takeQueued(queued.size)) sendSingle(id, waiter);
      return;
    }
    // While the first batch is in flight nobody knows whether the endpoint exists: ask once, not once per batch.
    while (queued.size >= BATCH_SIZE && !probing) sendBatch(takeQueued(BATCH_SIZE));
    if (queued.size > 0 && listing.lister === 0 && !idleCheckScheduled) {
      idleCheckScheduled = true;
      // A macrotask later, so sources started in the same tick can still add their ids to this batch.
      setTimeout(() => {
        idleCheckScheduled = false;
        if (listing.lister > 0 || listing.provider > 0 || probing || queued.size === 0) return;
        if (batchSupport === "no") flush();
        else sendBatch(takeQueued(BATCH_SIZE));
        flush();
      }, 0);
    }
  }

  return {
    async load(ids, signal) {
      const unique = [...new Set(ids)];
      const promises = unique.map(request);
      flush();
      const all = Promise.all(promises);
      const results = signal ? await abortable(all, signal) : await all;
      return new Map(unique.map((id, index) => [id, results[index] ?? null]));
    },
    provide(tracks, options) {
      for (const track of tracks) {
        // Storing them again only compared (or re-wrote) thousands of rows and their JSON text on every re-run.
        if (!options?.cached) cache.set(cacheKeys.track(track.id), track, null);
        const waiter = queued.get(track.id);
        if (waiter) {
          queued.delete(track.id);
          settle(track.id, waiter, track);
        }
      }
    },
    beginListing(kind) {
      listing[kind]++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        listing[kind]--;
        flush();
      };
    },
  };
}

/** The batch endpoint answers 403 (or 404) when it was removed for the app; a rate limit or auth failure is not that. */
function isEndpointGone(error: unknown): boolean {
  return (
    error instanceof SpotifyApiError &&
    !(error instanceof SpotifyAuthError) &&
    (error.status === 403 || error.status === 404)
  );
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
