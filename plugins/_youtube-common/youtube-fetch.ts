/** The one fetch every YouTube request goes through: MUSICDL_YOUTUBE_ORIGIN redirection and per-call abort signals. */
import { AsyncLocalStorage } from "node:async_hooks";
import {
  DEFAULT_SERVER_ERROR_RETRY,
  isInnertubeCall,
  retryServerErrors,
  type ServerErrorRetry,
  type Sleep,
} from "./retry-server-errors.ts";

/** Environment variable that sends every YouTube request (InnerTube and media) to another origin. */
export const YOUTUBE_ORIGIN_ENV = "MUSICDL_YOUTUBE_ORIGIN";
/** Header carrying the host a redirected request was meant for, so a proxy or fake can route on it. */
export const ORIGINAL_HOST_HEADER = "X-Original-Host";

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface YouTubeFetchOptions {
  /** `http(s)://host[:port]` to send YouTube requests to instead; undefined sends them to YouTube. */
  readonly origin?: string;
  /** Where requests finally go: the core's rate-limited `ctx.http.fetch`. */
  readonly baseFetch: FetchLike;
  /** How InnerTube calls answered 5xx are retried; default DEFAULT_SERVER_ERROR_RETRY. */
  readonly serverErrorRetry?: ServerErrorRetry;
  /** The wait between those retries: the plugin context's `clock.sleep`. */
  readonly sleep: Sleep;
}

export interface YouTubeFetch {
  /** A `fetch` for youtubei.js's `fetch` option and for media downloads. */
  readonly fetch: typeof fetch;
  /** Runs `work` so that every request it makes (even deep inside youtubei.js) is cancelled by `signal`. */
  withSignal<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T>;
}

/** youtube.com and its subdomains (music., www., m.), the InnerTube API host, and the media and image CDNs. */
export function isYouTubeHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  const suffixes = ["youtube.com", "googlevideo.com", "ytimg.com", "youtube-nocookie.com"];
  return host === "youtubei.googleapis.com" || suffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

/** Checks MUSICDL_YOUTUBE_ORIGIN's value; a typo should stop the run, not silently reach the real YouTube. */
export function parseYouTubeOrigin(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${YOUTUBE_ORIGIN_ENV}="${value}" is not a URL; use e.g. http://127.0.0.1:8080`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${YOUTUBE_ORIGIN_ENV} must be an http:// or https:// origin, not "${value}"`);
  }
  return url.origin;
}

/** Rewrites a YouTube URL to the origin (path and query kept); other URLs are returned unchanged. */
export function redirectUrl(url: URL, origin: string | undefined): { url: URL; originalHost?: string } {
  if (origin === undefined || !isYouTubeHost(url.hostname)) return { url };
  const target = new URL(`${url.pathname}${url.search}`, origin);
  return { url: target, originalHost: url.host };
}

export function createYouTubeFetch(options: YouTubeFetchOptions): YouTubeFetch {
  const signalScope = new AsyncLocalStorage<AbortSignal | undefined>();

  const youtubeFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const { url, originalHost } = redirectUrl(new URL(request ? request.url : String(input)), options.origin);
    const headers = new Headers(init.headers ?? request?.headers);
    if (originalHost) headers.set(ORIGINAL_HOST_HEADER, originalHost);
    // youtubei.js hands over a Request plus an init holding the body; pass plain values on so any fetch-like
    // client (the core's rate-limited one included) gets an ordinary (url, init) call.
    const body = init.body ?? (request?.body ? await request.arrayBuffer() : undefined);
    const signals = [init.signal ?? request?.signal, signalScope.getStore()].filter((s): s is AbortSignal => !!s);
    const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
    const send = () =>
      options.baseFetch(url.href, {
        method: init.method ?? request?.method ?? "GET",
        headers,
        body: body ?? undefined,
        redirect: init.redirect ?? "follow",
        signal,
      });
    // Media downloads resume by range in their own loop; only API calls are repeated here.
    if (!isInnertubeCall(url)) return send();
    return retryServerErrors(send, options.serverErrorRetry ?? DEFAULT_SERVER_ERROR_RETRY, signal, options.sleep);
  };

  return {
    fetch: youtubeFetch as typeof fetch,
    withSignal: (signal, work) => signalScope.run(signal, work),
  };
}
