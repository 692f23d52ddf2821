/**
 * An offline Spotify (Web API + accounts service) on 127.0.0.1, port 0, for tests, the demo and benches.
 * Switches change its behaviour mid-run (API shape, batch endpoints, ownership rule, latency, faults); every
 * request lands in `requests` so tests can assert on what was sent and when.
 */
import { COVER_JPEG } from "./cover-image.ts";
import { type AccountsState, handleAccounts } from "./accounts.ts";
import { apiError, routeApi } from "./api-routes.ts";
import { createBuilders } from "./builders.ts";
import type { Catalog } from "./catalog.ts";
import { type ApiShape, type PageCaps, defaultPageCaps } from "./minimum.ts";
import { createSmallCatalog } from "./small-catalog.ts";

/** One injected failure, served to the next matching request(s). */
export interface Fault {
  /** `429`: rate limit (Retry-After `retryAfterS`, default 1; null = no header). `quota`: 429 with QUOTA_EXCEEDED. */
  readonly kind: "429" | "quota" | "5xx" | "drop" | "401" | "slow";
  readonly retryAfterS?: number | null;
  /** For `5xx` (default 503). */
  readonly status?: number;
  /** Only requests whose path starts with this (e.g. `/v1/tracks`); default every `/v1` request. */
  readonly path?: string;
  /** Let this many matching requests through first. */
  readonly after?: number;
  /** How many requests get it (default 1). */
  readonly times?: number;
  /** Send the headers at once and the body this much later, as a slow connection delivers an answer. */
  readonly bodyDelayMs?: number;
  /** For `slow`: answer normally, this much later. */
  readonly delayMs?: number;
}

export interface FakeSpotifySwitches {
  apiShape: ApiShape;
  /** false: `GET /tracks?ids=` answers 403 like it does for Feb 2026 dev-mode apps. */
  batchEndpoints: boolean;
  /** `owned-only`: the 2026 rule, contents only for playlists the (user) token's user owns or collaborates on. */
  playlistOwnership: "any" | "owned-only";
  latencyMs: number;
  /** Access tokens die this long after issue (also what `expires_in` says). */
  tokenLifetimeS: number;
  rotateRefreshTokens: boolean;
  /** After a 429 with Retry-After, keep answering 429 until it elapsed, as Spotify does. */
  enforceRetryAfter: boolean;
  /** false: `GET /me/following` pages by `cursors.after` alone, with no `next` link (as some API versions did). */
  followedNextLinks: boolean;
  /**
   * The gaps real library lists show: a null entry on every `/me/albums`, `/me/following` and `/me/playlists` page,
   * and on `/me/playlists` a followed playlist whose name and owner id are null (spotify/web-api#394, #896).
   */
  libraryGaps: boolean;
  pageCaps: Partial<PageCaps>;
  faults: Fault[];
  /**
   * A 429 storm: at most `requests` Web API requests per rolling `windowS`; the next one gets a 429 whose
   * Retry-After is the time until the window frees a slot (as Spotify's rolling 30 s window does). null = off.
   */
  rateLimit: { readonly requests: number; readonly windowS: number } | null;
  /**
   * The Feb 2026 dev-mode page limits, enforced: `limit` above 10 for artist albums and search, or above 50 for
   * playlist items, is answered `400 Invalid limit` (the reference's maximums; Spotify's refusal body).
   */
  enforce2026Limits: boolean;
  /** Track ids albums still list whose full track Spotify no longer serves (null in batches, 404 alone). */
  unavailableTrackIds: string[];
}

export interface RequestLogEntry {
  readonly method: string;
  /** Full path, e.g. `/v1/tracks/abc` or `/api/token`. */
  readonly path: string;
  readonly query: Record<string, string>;
  status: number;
  /** Arrival time, epoch ms (from the `now` option). */
  readonly at: number;
  /** When the answer was sent (0 while pending). Status 0 = connection dropped. */
  doneAt: number;
  /** It arrived after a 429 had been answered and before that 429's Retry-After had elapsed. */
  insideRetryAfter?: true;
}

export interface FakeSpotifyOptions {
  readonly catalog?: Catalog;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly switches?: Partial<FakeSpotifySwitches>;
  readonly now?: () => number;
  /** Point cover URLs at this server's /image/ (a real tiny JPEG) instead of Spotify's CDN, for offline tagging. */
  readonly serveCovers?: boolean;
}

export interface FakeSpotify {
  /** `http://127.0.0.1:PORT/v1` */
  readonly apiUrl: string;
  /** `http://127.0.0.1:PORT` */
  readonly accountsUrl: string;
  readonly catalog: Catalog;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly requests: RequestLogEntry[];
  /** Only the Web API (`/v1`) requests. */
  apiRequests(): RequestLogEntry[];
  set(switches: Partial<FakeSpotifySwitches>): void;
  /** Every access token issued so far answers 401 from now on. */
  expireTokens(): void;
  /** Every token, code and refresh token handed out. */
  issuedSecrets(): readonly string[];
  stop(): Promise<void>;
}

/** The same answer, its headers sent at once and its body `delayMs` later. */
function withSlowBody(answer: Response, delayMs: number): Response {
  const body = answer.text();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new TextEncoder().encode(" ")); // JSON may start with blanks; this flushes the headers
      await Bun.sleep(delayMs);
      controller.enqueue(new TextEncoder().encode(await body));
      controller.close();
    },
  });
  return new Response(stream, { status: answer.status, headers: answer.headers });
}

export const FAKE_CLIENT_ID = "fake-client-id-0001";
export const FAKE_CLIENT_SECRET = "fake-client-secret-9f8e7d6c5b4a";

export function startFakeSpotify(options: FakeSpotifyOptions = {}): FakeSpotify {
  const catalog = options.catalog ?? createSmallCatalog();
  const now = options.now ?? Date.now;
  const switches: FakeSpotifySwitches = {
    apiShape: "legacy",
    batchEndpoints: true,
    playlistOwnership: "any",
    latencyMs: 0,
    tokenLifetimeS: 3600,
    rotateRefreshTokens: false,
    enforceRetryAfter: true,
    followedNextLinks: true,
    libraryGaps: false,
    pageCaps: {},
    faults: [],
    unavailableTrackIds: [],
    rateLimit: null,
    enforce2026Limits: false,
    ...options.switches,
  };
  const requests: RequestLogEntry[] = [];
  const faultUses = new Map<Fault, { skipped: number; served: number }>();
  let blockedUntil = 0;
  /** Arrival times of the requests the storm let through, oldest first. */
  const admitted: number[] = [];
  const dropped = new WeakSet<Response>();
  const accounts: AccountsState = {
    clientId: options.clientId ?? FAKE_CLIENT_ID,
    clientSecret: options.clientSecret ?? FAKE_CLIENT_SECRET,
    tokens: new Map(),
    codes: new Map(),
    refreshTokens: new Set(),
    refreshScopes: new Map(),
    issued: [],
    now,
    tokenLifetimeS: () => switches.tokenLifetimeS,
    rotateRefreshTokens: () => switches.rotateRefreshTokens,
  };

  function takeFault(path: string): Fault | undefined {
    for (const fault of switches.faults) {
      if (fault.path ? !path.startsWith(fault.path) : !path.startsWith("/v1/")) continue;
      const use = faultUses.get(fault) ?? { skipped: 0, served: 0 };
      faultUses.set(fault, use);
      if (use.skipped < (fault.after ?? 0)) {
        use.skipped++;
        continue;
      }
      if (use.served >= (fault.times ?? 1)) continue;
      use.served++;
      return fault;
    }
    return undefined;
  }

  function serveFault(fault: Fault): Response {
    if (fault.kind === "drop") {
      // Erroring the body before any byte closes the socket: the client sees ECONNRESET (no log noise without a reason).
      const response = new Response(new ReadableStream({ start: (controller) => controller.error() }));
      dropped.add(response);
      return response;
    }
    if (fault.kind === "5xx") return apiError(fault.status ?? 503, "Service unavailable");
    if (fault.kind === "401") return apiError(401, "The access token expired");
    const retryAfterS = fault.retryAfterS === undefined ? (fault.kind === "quota" ? 86_400 : 1) : fault.retryAfterS;
    const headers: Record<string, string> = retryAfterS === null ? {} : { "retry-after": String(retryAfterS) };
    if (retryAfterS !== null) blockedUntil = Math.max(blockedUntil, now() + retryAfterS * 1000);
    const answer =
      fault.kind === "quota"
        ? apiError(429, "Too many requests", { reason: "QUOTA_EXCEEDED" }, headers)
        : apiError(429, "API rate limit exceeded", {}, headers);
    return fault.bodyDelayMs ? withSlowBody(answer, fault.bodyDelayMs) : answer;
  }

  async function handle(request: Request, apiBase: string, entry: RequestLogEntry): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/v1/") && entry.at < blockedUntil) entry.insideRetryAfter = true;
    if (switches.latencyMs > 0) await Bun.sleep(switches.latencyMs);
    const fault = takeFault(url.pathname);
    if (fault?.kind === "slow") await Bun.sleep(fault.delayMs ?? 100);
    else if (fault) return serveFault(fault);
    if (url.pathname.startsWith("/image/"))
      return new Response(COVER_JPEG, { headers: { "content-type": "image/jpeg" } });
    if (!url.pathname.startsWith("/v1/")) return handleAccounts(request, url, accounts);
    // Judged by arrival: a request that came in before a 429 was answered is not inside its Retry-After.
    if (switches.enforceRetryAfter && entry.insideRetryAfter) {
      return apiError(
        429,
        "API rate limit exceeded",
        {},
        { "retry-after": String(Math.ceil((blockedUntil - now()) / 1000)) },
      );
    }
    const storm = switches.rateLimit;
    if (storm) {
      const windowMs = storm.windowS * 1000;
      while (admitted.length > 0 && admitted[0]! <= now() - windowMs) admitted.shift();
      if (admitted.length >= storm.requests) {
        const retryAfterS = Math.max(1, Math.ceil((admitted[0]! + windowMs - now()) / 1000));
        blockedUntil = Math.max(blockedUntil, now() + retryAfterS * 1000);
        return apiError(429, "API rate limit exceeded", {}, { "retry-after": String(retryAfterS) });
      }
      admitted.push(now());
    }
    const token = accounts.tokens.get((request.headers.get("authorization") ?? "").replace(/^Bearer /, ""));
    if (!token) return apiError(401, "Invalid access token");
    if (now() >= token.expiresAtMs) return apiError(401, "The access token expired");
    const shape = switches.apiShape;
    return routeApi(url.pathname.slice(3), url.searchParams, {
      catalog,
      builders: createBuilders(catalog, apiBase, shape, options.serveCovers ? apiBase.replace(/\/v1$/, "") : undefined),
      shape,
      caps: { ...defaultPageCaps(shape), ...switches.pageCaps },
      batchEndpoints: switches.batchEndpoints,
      playlistOwnership: switches.playlistOwnership,
      tokenKind: token.kind,
      ...(token.scopes ? { scopes: token.scopes } : {}),
      apiUrl: apiBase,
      followedNextLinks: switches.followedNextLinks,
      libraryGaps: switches.libraryGaps,
      unavailableTrackIds: switches.unavailableTrackIds,
      enforce2026Limits: switches.enforce2026Limits,
    });
  }

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const entry: RequestLogEntry = {
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: 0,
        at: now(),
        doneAt: 0,
      };
      requests.push(entry);
      const response = await handle(request, `http://127.0.0.1:${server.port}/v1`, entry);
      // A dropped connection never had a status; log it as 0.
      entry.status = dropped.has(response) ? 0 : response.status;
      entry.doneAt = now();
      return response;
    },
  });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    apiUrl: `${origin}/v1`,
    accountsUrl: origin,
    catalog,
    clientId: accounts.clientId,
    clientSecret: accounts.clientSecret,
    requests,
    apiRequests: () => requests.filter((entry) => entry.path.startsWith("/v1/")),
    set(next) {
      Object.assign(switches, next);
    },
    expireTokens() {
      for (const [token, issued] of accounts.tokens) accounts.tokens.set(token, { ...issued, expiresAtMs: 0 });
    },
    issuedSecrets: () => accounts.issued,
    stop: () => server.stop(true),
  };
}
