/**
 * Page sizes of the Web API's list endpoints: the largest `limit` each accepts, lowered for good when Spotify
 * refuses it. Development-mode apps created since Feb 2026 have smaller maximums (artist albums and search 10,
 * playlist items 50) and an API that enforces them answers `400 Invalid limit`; older apps keep the larger ones.
 */
import type { SpotifyCache } from "./cache.ts";

export type PagedEndpoint =
  | "artist-albums"
  | "search"
  | "playlist-items"
  | "saved-tracks"
  | "album-tracks"
  | "saved-albums"
  | "followed-artists"
  | "my-playlists";

/** Maximum `limit` per endpoint: before Feb 2026, and for dev-mode apps since (Spotify Web API reference). */
const MAXIMUMS: Record<PagedEndpoint, { readonly legacy: number; readonly since2026: number }> = {
  "artist-albums": { legacy: 50, since2026: 10 },
  search: { legacy: 50, since2026: 10 },
  "playlist-items": { legacy: 100, since2026: 50 },
  "saved-tracks": { legacy: 50, since2026: 50 },
  "album-tracks": { legacy: 50, since2026: 50 },
  "saved-albums": { legacy: 50, since2026: 50 },
  "followed-artists": { legacy: 50, since2026: 50 },
  "my-playlists": { legacy: 50, since2026: 50 },
};

const ENDPOINTS: readonly [RegExp, PagedEndpoint][] = [
  [/^\/artists\/[^/]+\/albums$/, "artist-albums"],
  [/^\/search$/, "search"],
  [/^\/playlists\/[^/]+\/(items|tracks)$/, "playlist-items"],
  [/^\/me\/tracks$/, "saved-tracks"],
  [/^\/albums\/[^/]+\/tracks$/, "album-tracks"],
  [/^\/me\/albums$/, "saved-albums"],
  [/^\/me\/following$/, "followed-artists"],
  [/^\/me\/playlists$/, "my-playlists"],
];

/** A learned maximum is kept this long in the store, so a later run starts with the page size that works. */
const REMEMBER_S = 30 * 86_400;

export interface PageLimits {
  /** The `limit` to ask for: the endpoint's largest, or the smaller one Spotify made us learn. */
  limitFor(endpoint: PagedEndpoint): number;
  /** `path` (below the API root, maybe a `next` link) with its `limit` lowered to what the endpoint is known to take. */
  fit(path: string): string;
  /**
   * After `400 Invalid limit` for `path`: the same path with the endpoint's 2026 maximum, remembered for this run
   * and the next; undefined when the path already asked for no more than that (the refusal is about something else).
   */
  lowerAfterRefusal(path: string): string | undefined;
  /**
   * Sends `path` (fitted) through `send`. While an endpoint's page size is unproven (the larger one, never accepted
   * yet), one request finds out and the others of that endpoint wait for it, so a run that starts twenty playlists
   * at once on a 2026 app is refused once, not twenty times.
   */
  probing<T>(path: string, send: (fitted: string) => Promise<T>): Promise<T>;
}

export function createPageLimits(cache: SpotifyCache): PageLimits {
  const learned = new Map<PagedEndpoint, number>();
  /** Endpoints whose page size is known to work: accepted once, lowered after a refusal, or read from the store. */
  const proven = new Set<PagedEndpoint>();
  const probes = new Map<PagedEndpoint, Promise<void>>();
  const cacheKey = (endpoint: PagedEndpoint) => `spotify:page-limit:${endpoint}`;

  function limitFor(endpoint: PagedEndpoint): number {
    const known = learned.get(endpoint);
    if (known !== undefined) return known;
    const stored = cache.get(cacheKey(endpoint));
    const limit = typeof stored === "number" && stored > 0 ? stored : MAXIMUMS[endpoint].legacy;
    if (limit <= MAXIMUMS[endpoint].since2026) proven.add(endpoint);
    learned.set(endpoint, limit);
    return limit;
  }

  function fit(path: string): string {
    const { endpoint, limit } = parsePagedPath(path);
    if (!endpoint || limit === undefined) return path;
    const allowed = limitFor(endpoint);
    return limit > allowed ? withLimit(path, allowed) : path;
  }

  return {
    limitFor,
    fit,
    lowerAfterRefusal(path) {
      const { endpoint, limit } = parsePagedPath(path);
      if (!endpoint) return undefined;
      const smaller = MAXIMUMS[endpoint].since2026;
      // No limit sent means Spotify's default, which is within every maximum: nothing to lower.
      if (limit === undefined || limit <= smaller) return undefined;
      learned.set(endpoint, smaller);
      proven.add(endpoint);
      cache.set(cacheKey(endpoint), smaller, REMEMBER_S);
      return withLimit(path, smaller);
    },
    async probing(path, send) {
      for (;;) {
        const fitted = fit(path);
        const { endpoint, limit } = parsePagedPath(fitted);
        const unproven =
          endpoint && limit !== undefined && limit > MAXIMUMS[endpoint].since2026 && !proven.has(endpoint);
        if (!unproven) return send(fitted);
        const inFlight = probes.get(endpoint);
        if (inFlight) {
          await inFlight;
          continue; // proven now, or that probe failed for another reason and this request becomes the probe
        }
        const answer = send(fitted);
        probes.set(
          endpoint,
          answer.then(
            () => void proven.add(endpoint),
            () => undefined,
          ),
        );
        try {
          return await answer;
        } finally {
          probes.delete(endpoint);
        }
      }
    },
  };
}

function parsePagedPath(path: string): { endpoint?: PagedEndpoint; limit?: number } {
  const url = new URL(path, "http://x");
  const endpoint = ENDPOINTS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  const raw = url.searchParams.get("limit");
  const limit = raw === null ? undefined : Number(raw);
  return { endpoint, limit: limit !== undefined && Number.isFinite(limit) ? limit : undefined };
}

/** The path with `limit=` set to `limit`, every other parameter (offset, market…) kept as it was. */
function withLimit(path: string, limit: number): string {
  const url = new URL(path, "http://x");
  url.searchParams.set("limit", String(limit));
  return `${url.pathname}${url.search}`;
}

/** Spotify's refusal of a page size: `400` with the message "Invalid limit". */
export function isInvalidLimit(status: number, message: string): boolean {
  return status === 400 && /invalid limit/i.test(message);
}
