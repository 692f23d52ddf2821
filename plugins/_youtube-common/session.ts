/** Everything a YouTube provider holds for a run: options, the redirecting fetch, and a lazily created Innertube. */
import type { PluginContext } from "musicdl/plugin";
import type { Innertube } from "youtubei.js";
import { loadCookieHeader } from "./cookies-file.ts";
import { parseYouTubeOptions, type YouTubeOptions } from "./options.ts";
import { createYouTubeFetch, parseYouTubeOrigin, YOUTUBE_ORIGIN_ENV, type YouTubeFetch } from "./youtube-fetch.ts";

export interface YouTubeSession {
  readonly options: YouTubeOptions;
  /** Where YouTube requests go instead of YouTube (MUSICDL_YOUTUBE_ORIGIN), or undefined. */
  readonly origin?: string;
  readonly youtubeFetch: YouTubeFetch;
  readonly log: PluginContext["log"];
  /** The Innertube client, created on first use; creating it sends nothing. */
  innertube(): Promise<Innertube>;
  /** Search answers of this run by query, so a repeated search (a fallback after a failed download) is free. */
  readonly answers: RecentAnswers;
}

/** A small map that forgets its oldest entries: a run over thousands of tracks keeps only recent answers. */
export interface RecentAnswers {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const RECENT_ANSWERS = 256;

function createRecentAnswers(): RecentAnswers {
  const map = new Map<string, unknown>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      map.set(key, value);
      if (map.size > RECENT_ANSWERS) map.delete(map.keys().next().value!);
    },
  };
}

/**
 * Options for `Innertube.create` that make creation send **zero** requests: no JS player download (direct-URL
 * clients need none), session data generated locally, no InnerTube config fetch (shared fixtures README §1).
 */
export function innertubeCreateOptions(youtubeFetch: YouTubeFetch, options: YouTubeOptions, cookie?: string) {
  return {
    fetch: youtubeFetch.fetch,
    retrieve_player: false,
    generate_session_locally: true,
    retrieve_innertube_config: false,
    enable_session_cache: false,
    lang: "en",
    ...(cookie === undefined ? {} : { cookie }),
    ...(options.po_token === undefined ? {} : { po_token: options.po_token }),
  } as const;
}

export function createYouTubeSession(ctx: PluginContext, pluginName: string): YouTubeSession {
  const options = parseYouTubeOptions(ctx.v, ctx.options, pluginName);
  const origin = parseYouTubeOrigin(process.env[YOUTUBE_ORIGIN_ENV]);
  const youtubeFetch = createYouTubeFetch({
    origin,
    baseFetch: (input, init) => ctx.http.fetch(input, init),
    sleep: (ms, signal) => ctx.clock.sleep(ms, signal),
  });
  if (origin) ctx.log.debug(`YouTube requests go to ${origin} (${YOUTUBE_ORIGIN_ENV})`);
  let created: Promise<Innertube> | undefined;

  const innertube = () => {
    created ??= (async () => {
      // The plugin's own `cookies` option wins over the file the config offers every plugin (`download.cookies`).
      const cookiesFile = options.cookies ?? ctx.cookiesFile;
      const cookie = cookiesFile === undefined ? undefined : await loadCookieHeader(cookiesFile);
      // Loaded on first use: importing youtubei.js costs about 2 s, which commands that never search should not pay.
      const { Innertube } = await import("youtubei.js");
      return Innertube.create(innertubeCreateOptions(youtubeFetch, options, cookie));
    })();
    // A failed creation (unreadable cookies file) is retried on the next call rather than cached forever.
    created.catch(() => {
      created = undefined;
    });
    return created;
  };

  return {
    options,
    ...(origin ? { origin } : {}),
    youtubeFetch,
    log: ctx.log,
    innertube,
    answers: createRecentAnswers(),
  };
}
