import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DownloadSettings } from "../../src/config/types.ts";
import type { SpotifySettings } from "../../plugins/spotify/settings.ts";
import { type SpotifyClient, type SpotifyClientOptions, createSpotifyClient } from "../../plugins/spotify/client.ts";
import { createMemoryCache as createMemorySpotifyCache } from "../../src/plugins/memory-cache.ts";
import type { FakeSpotify } from "../../fakes/spotify/index.ts";
import { coreContextMembers } from "./plugin-core.ts";
import { createTaggedLogger } from "../../src/log.ts";
import { loginWithPkce } from "../../plugins/spotify/login.ts";
import { registerSecret } from "../../src/util/redact.ts";

/** What the Spotify client takes from the plugin context: limiter, backoff, clock, secrets, text ranking, log, cache. */
export function spotifyCore(
  withClock?: SpotifyClientOptions["clock"],
): Pick<SpotifyClientOptions, "rateLimiter" | "backoffMs" | "clock" | "registerSecret" | "text" | "log" | "cache"> {
  const { rateLimiter, backoffMs, clock, registerSecret, text, cache } = coreContextMembers("spotify", {
    builtin: true,
    ...(withClock ? { clock: withClock } : {}),
  });
  return { rateLimiter, backoffMs, clock, registerSecret, text, cache, log: createTaggedLogger("spotify") };
}

/** Settings as the Spotify source reads them (every rate key set), for clients built by hand. */
export function testSettings(
  overrides: Partial<DownloadSettings & SpotifySettings> = {},
): DownloadSettings & SpotifySettings {
  return {
    clientId: undefined,
    clientSecret: undefined,
    output: "{artists} - {title}.{output-ext}",
    outputDir: "/tmp/musicdl-test-library",
    format: "mp3",
    bitrate: "auto",
    threads: 4,
    maxRetries: 3,
    overwrite: "skip",
    audioProviders: ["youtube-music"],
    pluginsDirs: [],
    m3uExtension: "m3u8",
    lyricsProviders: [],
    lyricsOutput: "both",
    cachePath: ":memory:",
    cacheTtlS: 86_400,
    cacheMaxSize: 10_000,
    audioSearchCacheTtlS: 86_400,
    audioSearchCacheMaxSize: 10_000,
    fileExistenceCacheTtlS: 3600,
    fileExistenceCacheMaxSize: 10_000,
    spotifyMaxRetries: 3,
    spotifyRetryBaseDelayS: 0.01,
    spotifyRetryMaxDelayS: 0.05,
    spotifyRateLimitEnabled: false,
    spotifyRateLimitRequests: 100,
    spotifyRateLimitWindowS: 30,
    spotifyMaxWaitS: 5,
    spotifyConcurrency: 4,
    downloadRateLimitEnabled: false,
    downloadRateLimitRequests: 10,
    downloadRateLimitWindowS: 1,
    downloadBandwidthLimit: null,
    searchConcurrency: 2,
    downloadConcurrency: 2,
    ffmpegConcurrency: 2,
    ffmpegStallTimeoutS: 60,
    ...overrides,
  };
}

export type TestClient = SpotifyClient & { cache: ReturnType<typeof createMemorySpotifyCache> };

/** A client with the fake's app credentials and no stored login (unless `authFile` points at one). */
export function clientFor(
  fake: FakeSpotify,
  options: Partial<Omit<SpotifyClientOptions, "settings">> & { settings?: Partial<DownloadSettings> } = {},
): TestClient {
  const cache = createMemorySpotifyCache();
  const client = createSpotifyClient({
    ...spotifyCore(options.clock),
    apiUrl: fake.apiUrl,
    accountsUrl: fake.accountsUrl,
    authFile: join(tmpdir(), "musicdl-no-such-auth-file.json"),
    cache,
    ...options,
    settings: testSettings({ clientId: fake.clientId, clientSecret: fake.clientSecret, ...options.settings }),
  });
  return Object.assign(client, { cache: (options.cache as typeof cache | undefined) ?? cache });
}

/** Starts a fake for one test and stops it at scope exit. */
export function disposable(fake: FakeSpotify): FakeSpotify & AsyncDisposable {
  return Object.assign(fake, { [Symbol.asyncDispose]: () => fake.stop() });
}

/** Logs in against the fake, playing the browser: open the authorize URL and follow its redirect to our callback. */
export function loginAgainstFake(fake: FakeSpotify, authFile: string, scopes?: readonly string[]) {
  return loginWithPkce({
    registerSecret,
    clientId: fake.clientId,
    accountsUrl: fake.accountsUrl,
    authFile,
    port: 0,
    ...(scopes ? { scopes } : {}),
    onAuthorizeUrl: (url) => void fetch(url),
  });
}
