/** Applies defaults, command-line overrides and environment credentials to the validated `download:` and `match:` sections. */
import { SPOTIFY_SOURCE, parseSpotifyUrl } from "../spotify/url.ts";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { DownloadSettings, MatchSettings } from "./types.ts";
import type { DownloadSection, MatchSection } from "./schema.ts";
import type { CliOverrides } from "./cli-overrides.ts";
import { defaultCachePath, resolvePath, type Env } from "./find-config-file.ts";
import { splitOutputRoot } from "./output-root.ts";
import { trackKey } from "../plugins/track-key.ts";

export const DEFAULT_OUTPUT = "{artist}/{album}/{track-number} - {title}.{output-ext}";

/**
 * Spotify counts requests over a rolling 30-second window and publishes no number. The origin's 10 requests per
 * 1 s was bursty (10 at once, every second) and still hit 429 on long runs; 150 per 30 s averages 5/s yet smooths
 * bursts over the window Spotify itself measures. A file that sets either key keeps the origin's meaning.
 */
const SPOTIFY_RATE_DEFAULT = { requests: 150, windowS: 30 };
const SPOTIFY_RATE_ORIGIN = { requests: 10, windowS: 1 };

export interface SettingsContext {
  /** Folder that relative paths in the file are taken from: the config file's folder, or cwd without a file. */
  readonly baseDir: string;
  readonly cwd: string;
  readonly env: Env;
}

/** LRCLIB needs no key, so lyrics are on unless the config says `lyrics: false`. */
const DEFAULT_LYRICS_PROVIDERS = ["lrclib"];

export function buildDownloadSettings(
  file: DownloadSection,
  overrides: CliOverrides,
  context: SettingsContext,
): DownloadSettings {
  const { baseDir, cwd, env } = context;
  const threads = overrides.threads ?? file.threads ?? 4;
  const rateWritten = file.spotify_rate_limit_requests != null || file.spotify_rate_limit_window != null;
  const rate = rateWritten ? SPOTIFY_RATE_ORIGIN : SPOTIFY_RATE_DEFAULT;
  const clientId = credential(env.SPOTIFY_CLIENT_ID) ?? credential(file.client_id);
  const clientSecret = credential(env.SPOTIFY_CLIENT_SECRET) ?? credential(file.client_secret);
  const cookies = file.cookies?.trim() ? resolvePath(baseDir, file.cookies, env) : undefined;
  const output = splitOutputRoot(file.output ?? DEFAULT_OUTPUT, env);
  return {
    ...(clientId === undefined ? {} : { clientId }),
    ...(clientSecret === undefined ? {} : { clientSecret }),
    output: output.template,
    // Earlier versions resolved the template against the working directory; an absolute template names its own
    // library folder, and -o replaces that.
    outputDir: overrides.output === undefined ? resolve(output.root ?? cwd) : resolvePath(cwd, overrides.output, env),
    format: overrides.format ?? file.format ?? "mp3",
    bitrate: overrides.bitrate ?? file.bitrate ?? "128k",
    threads,
    maxRetries: file.max_retries ?? 3,
    overwrite: file.overwrite ?? "skip",
    // The origin defaulted to youtube-music alone; plain YouTube now backs it up for recordings Music lacks.
    audioProviders: file.audio_providers ?? ["youtube-music", "youtube"],
    pluginsDirs: (file.plugins_dir ?? []).map((dir) => resolvePath(baseDir, dir, env)),
    m3uExtension: file.m3u_extension ?? "m3u8",
    lyricsProviders: file.lyrics ?? DEFAULT_LYRICS_PROVIDERS,
    lyricsOutput: file.lyrics_output ?? "both",
    cachePath: file.cache_path ? resolvePath(baseDir, file.cache_path, env) : defaultCachePath(env),
    cacheTtlS: file.cache_ttl ?? 3600,
    cacheMaxSize: file.cache_max_size ?? 1000,
    audioSearchCacheTtlS: file.audio_search_cache_ttl ?? 86400,
    audioSearchCacheMaxSize: file.audio_search_cache_max_size ?? 500,
    fileExistenceCacheTtlS: file.file_existence_cache_ttl ?? 3600,
    fileExistenceCacheMaxSize: file.file_existence_cache_max_size ?? 10000,
    spotifyMaxRetries: file.spotify_max_retries ?? 3,
    spotifyRetryBaseDelayS: file.spotify_retry_base_delay ?? 1,
    spotifyRetryMaxDelayS: file.spotify_retry_max_delay ?? 120,
    spotifyRateLimitEnabled: file.spotify_rate_limit_enabled ?? true,
    spotifyRateLimitRequests: file.spotify_rate_limit_requests ?? rate.requests,
    spotifyRateLimitWindowS: file.spotify_rate_limit_window ?? rate.windowS,
    spotifyMaxWaitS: file.spotify_max_wait ?? 600,
    spotifyConcurrency: file.spotify_concurrency ?? 4,
    downloadRateLimitEnabled: file.download_rate_limit_enabled ?? true,
    downloadRateLimitRequests: file.download_rate_limit_requests ?? 2,
    downloadRateLimitWindowS: file.download_rate_limit_window ?? 1,
    downloadBandwidthLimit: file.download_bandwidth_limit === undefined ? 1048576 : file.download_bandwidth_limit,
    searchConcurrency: file.search_concurrency ?? threads,
    downloadConcurrency: file.download_concurrency ?? threads,
    ffmpegConcurrency: file.ffmpeg_concurrency ?? availableParallelism(),
    ffmpegStallTimeoutS: file.ffmpeg_stall_timeout ?? 60,
    ...(cookies === undefined ? {} : { cookies }),
    ...(file.market ? { market: file.market } : {}),
    pins: pinsByTrackId(file.pins ?? {}),
  };
}

/** Trimmed, or undefined when blank: a stray space in an env file must not become part of the secret. */
function credential(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function buildMatchSettings(file: MatchSection): MatchSettings {
  return {
    weights: file.weights ?? {},
    strongThreshold: file.strong_threshold ?? 0.15,
    acceptThreshold: file.accept_threshold ?? 0.35,
  };
}

/** `download.pins` keyed by track key, `spotify:<id>` (the schema checked every key and value). */
function pinsByTrackId(pins: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [link, target] of Object.entries(pins)) {
    const ref = parseSpotifyUrl(link);
    if (ref?.kind === "track") out[trackKey({ source: SPOTIFY_SOURCE, id: ref.id })] = target;
  }
  return out;
}
