/**
 * A fake YouTube on 127.0.0.1: InnerTube search and player, and googlevideo-style media with Range support, all
 * served from a catalog. Reach it with MUSICDL_YOUTUBE_ORIGIN=<origin>. Switches simulate latency, failures,
 * 429s and cut transfers; every request is logged for assertions.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeVideo, findByIsrc, ISRC_PATTERN, matchCatalog, PAGE_SIZE } from "./catalog.ts";
import {
  allSearchResponse,
  continuationResponse,
  filteredSearchResponse,
  isrcCardResponse,
  type ShelfLanguage,
} from "./music-search-response.ts";
import { playerResponse } from "./player-response.ts";
import { rangeResponse } from "./range-response.ts";
import { createToneCache, type FakeItag } from "./tone-audio.ts";
import { webSearchResponse } from "./web-search-response.ts";

/** `params` youtubei.js 18.1.0 sends for YouTube Music's songs and videos filters (fixtures README §1). */
export const SONGS_FILTER_PARAMS = "EgWKAQIIAQ%3D%3D";
export const VIDEOS_FILTER_PARAMS = "EgWKAQIQAQ%3D%3D";

export interface FakeYouTubeOptions {
  readonly catalog: readonly FakeVideo[];
  readonly latencyMs?: number;
  /** ffmpeg used to make the tones; default `ffmpeg` on PATH. */
  readonly ffmpegPath?: string;
  /** Language of shelf titles and labels ("Titel" instead of "Songs"). */
  readonly language?: ShelfLanguage;
  readonly port?: number;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  /** The `X-Original-Host` header: which YouTube host the client meant. */
  readonly originalHost: string | null;
  readonly cookie: string | null;
  /** InnerTube requests: the parsed JSON body. */
  readonly body?: {
    query?: string;
    params?: string;
    videoId?: string;
    continuation?: string;
    context?: { client?: { clientName?: string } };
  };
  readonly query?: string;
  readonly videoId?: string;
  readonly itag?: number;
  /** Media requests: the `Range` header as sent. */
  readonly range?: string | null;
  status: number;
  /** Media requests: bytes actually sent. */
  bytes?: number;
}

interface Failure {
  readonly status: number;
  readonly target: "media" | "innertube" | "any";
  readonly retryAfterS?: number;
  /** Let this many matching requests through before failing. */
  after: number;
}

export type FakeYouTube = Awaited<ReturnType<typeof startFakeYouTube>>;

export async function startFakeYouTube(options: FakeYouTubeOptions) {
  const catalog = [...options.catalog];
  const language = options.language ?? "en";
  const dir = mkdtempSync(join(tmpdir(), "musicdl-fake-youtube-"));
  const tones = createToneCache({ dir, ffmpegPath: options.ffmpegPath ?? "ffmpeg" });
  const requests: FakeRequest[] = [];
  const failures: Failure[] = [];
  const cuts: number[] = [];
  let latencyMs = options.latencyMs ?? 0;

  const byId = (videoId: string | null | undefined) => catalog.find((video) => video.videoId === videoId);
  const itagsOf = (video: FakeVideo): FakeItag[] =>
    (video.formats ?? ["opus", "aac"]).map((format) => (format === "opus" ? 251 : 140));
  const toneOf = (video: FakeVideo, itag: FakeItag) => tones.file(video.videoId, itag, video.audioSeconds ?? 3);

  function takeFailure(kind: "media" | "innertube"): Failure | undefined {
    const index = failures.findIndex((failure) => failure.target === kind || failure.target === "any");
    const failure = failures[index];
    if (failure === undefined) return undefined;
    // Every queued failure waits out the same requests, so `failNext(3, { after: 1 })` fails requests 2–4.
    if (failure.after > 0) {
      for (const queued of failures) if (queued.target === failure.target) queued.after--;
      return undefined;
    }
    return failures.splice(index, 1)[0];
  }

  /** One page of a filtered search, and the token of the next page when there is one. */
  function page(query: string, kind: "song" | "video", offset: number) {
    const all = matchCatalog(catalog, query, Number.POSITIVE_INFINITY).filter((video) => video.kind === kind);
    const end = offset + PAGE_SIZE;
    const next =
      end < all.length ? Buffer.from(JSON.stringify({ query, kind, offset: end })).toString("base64url") : undefined;
    return { videos: all.slice(offset, end), next };
  }

  async function search(body: NonNullable<FakeRequest["body"]>) {
    if (body.continuation) {
      const token = JSON.parse(Buffer.from(body.continuation, "base64url").toString()) as {
        query: string;
        kind: "song" | "video";
        offset: number;
      };
      const { videos, next } = page(token.query, token.kind, token.offset);
      return continuationResponse(videos, language, next);
    }
    const query = body.query ?? "";
    if (body.context?.client?.clientName === "WEB") return webSearchResponse(matchCatalog(catalog, query));
    if (ISRC_PATTERN.test(query.trim().toUpperCase())) return isrcCardResponse(findByIsrc(catalog, query), language);
    const kind = body.params === SONGS_FILTER_PARAMS ? "song" : body.params === VIDEOS_FILTER_PARAMS ? "video" : null;
    if (kind) {
      const { videos, next } = page(query, kind, 0);
      return filteredSearchResponse(videos, kind, language, next);
    }
    return allSearchResponse(matchCatalog(catalog, query), language);
  }

  async function player(body: NonNullable<FakeRequest["body"]>) {
    const video = byId(body.videoId);
    if (!video) return { playabilityStatus: { status: "ERROR", reason: "Video unavailable" } };
    const ok = (video.playability ?? "OK") === "OK";
    const files = ok
      ? await Promise.all(
          itagsOf(video).map(async (itag) => ({ itag, sizeBytes: (await toneOf(video, itag)).sizeBytes })),
        )
      : [];
    return playerResponse(video, files);
  }

  async function media(url: URL, request: Request, entry: FakeRequest): Promise<Response> {
    const video = byId(url.searchParams.get("id"));
    const itag = Number(url.searchParams.get("itag")) as FakeItag;
    if (!video || !itagsOf(video).includes(itag)) return new Response("not found", { status: 404 });
    const { response, bytesSent } = await rangeResponse({
      file: (await toneOf(video, itag)).path,
      contentType: itag === 251 ? "audio/webm" : "audio/mp4",
      // youtubei.js's own download() asks with a `range` query parameter; musicdl sends a Range header.
      range:
        request.headers.get("range") ??
        (url.searchParams.has("range") ? `bytes=${url.searchParams.get("range")}` : null),
      cutAfter: cuts.shift(),
    });
    entry.bytes = bytesSent;
    return response;
  }

  async function handle(request: Request, entry: FakeRequest): Promise<Response> {
    const url = new URL(request.url);
    if (latencyMs > 0) await Bun.sleep(latencyMs);
    const isMedia = url.pathname === "/videoplayback";
    if (isMedia) {
      Object.assign(entry, {
        videoId: url.searchParams.get("id") ?? undefined,
        itag: Number(url.searchParams.get("itag")),
        range: request.headers.get("range"),
      });
    } else if (request.method === "POST" && url.pathname.startsWith("/youtubei/v1/")) {
      const body = (await request.json().catch(() => ({}))) as NonNullable<FakeRequest["body"]>;
      Object.assign(entry, { body, query: body.query, videoId: body.videoId });
    }
    const failure = takeFailure(isMedia ? "media" : "innertube");
    if (failure) {
      const headers = failure.retryAfterS === undefined ? undefined : { "Retry-After": String(failure.retryAfterS) };
      return new Response(JSON.stringify({ error: { code: failure.status } }), { status: failure.status, headers });
    }
    if (isMedia) return media(url, request, entry);
    if (url.pathname === "/youtubei/v1/search") return Response.json(await search(entry.body ?? {}));
    if (url.pathname === "/youtubei/v1/player") return Response.json(await player(entry.body ?? {}));
    return new Response("not found", { status: 404 });
  }

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: options.port ?? 0,
    fetch: async (request) => {
      const entry: FakeRequest = {
        method: request.method,
        path: new URL(request.url).pathname,
        originalHost: request.headers.get("x-original-host"),
        cookie: request.headers.get("cookie"),
        status: 0,
      };
      requests.push(entry);
      const response = await handle(request, entry);
      entry.status = response.status;
      return response;
    },
  });

  return {
    origin: `http://127.0.0.1:${server.port}`,
    /** Every request in arrival order. */
    requests,
    /** Media requests for one video, in order (range asked, status, bytes sent). */
    downloadsOf: (videoId: string) => requests.filter((r) => r.path === "/videoplayback" && r.videoId === videoId),
    /** Path of the audio the fake serves for a video and itag (generated if needed). */
    async audioFile(videoId: string, itag: FakeItag): Promise<string> {
      const video = byId(videoId);
      if (!video) throw new Error(`fake YouTube: no video ${videoId}`);
      return (await toneOf(video, itag)).path;
    },
    /**
     * `count` requests fail with `status` (default 500; 429 with `retryAfterS` for rate limiting), on `target`
     * (default media), after letting `after` (default 0) matching requests through.
     */
    failNext(count: number, failure: Partial<Failure> = {}) {
      for (let i = 0; i < count; i++) failures.push({ status: 500, target: "media", after: 0, ...failure });
    },
    /** The next `count` media responses end after `afterBytes` bytes although their headers promise more. */
    cutNextMedia(count: number, afterBytes: number) {
      for (let i = 0; i < count; i++) cuts.push(afterBytes);
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
    addVideo(video: FakeVideo) {
      catalog.push(video);
    },
    async stop() {
      server.stop(true);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
