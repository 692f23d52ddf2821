import { afterEach, expect, test } from "bun:test";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { clearRegisteredSecrets, redact } from "../../src/util/redact.ts";
import { spotifyLinks } from "../helpers/link-sources.ts";

// Origin configs (see the `version: "1.2"` format notes) must load unchanged and mean what they meant.
const SAMPLES = join(import.meta.dir, "samples");
const HOME = "/home/listener";

afterEach(() => clearRegisteredSecrets());

function load(sample: string, env: Record<string, string | undefined> = {}) {
  return loadConfig({
    configPath: join(SAMPLES, sample),
    cwd: "/srv/library",
    env: { HOME, ...env },
    cliSources: [],
    overrides: {},
    links: spotifyLinks,
  });
}

test("a Python-era config keeps every setting it spelled out", async () => {
  const config = await load("python-era.yaml");
  expect(config.file).toBe(join(SAMPLES, "python-era.yaml"));
  expect(config.version).toBe("1.2");
  expect(config.download).toMatchObject({
    clientId: "abc123clientid",
    clientSecret: "python-era-secret-value",
    threads: 6,
    maxRetries: 5,
    format: "m4a",
    bitrate: "copy",
    output: "{artist}/{album}/{track-number} - {title}.{output-ext}",
    outputDir: "/srv/library",
    audioProviders: ["youtube-music", "youtube"],
    overwrite: "metadata",
    cacheMaxSize: 2000,
    cacheTtlS: 7200,
    spotifyMaxRetries: 4,
    spotifyRetryBaseDelayS: 0.5,
    spotifyRetryMaxDelayS: 60,
    spotifyRateLimitRequests: 10,
    spotifyRateLimitWindowS: 1,
    downloadBandwidthLimit: null,
    searchConcurrency: 6,
    downloadConcurrency: 6,
    cachePath: join(HOME, ".cache", "musicdl", "musicdl.sqlite"),
  });
  expect(config.sources).toEqual([
    {
      section: "songs",
      name: "YYZ",
      url: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
      createM3u: false,
      line: 39,
    },
    {
      section: "songs",
      url: "https://open.spotify.com/track/1BfzeCKzo8xSvJcYLmnP8f?si=4d9c2a",
      createM3u: false,
      line: 40,
    },
    {
      section: "albums",
      name: "Meteora",
      url: "https://open.spotify.com/album/4Gfnly5CzMJQqkUFfoHaP3",
      createM3u: true,
      line: 46,
    },
    {
      section: "playlists",
      name: "planet namek",
      url: "https://open.spotify.com/playlist/5Xrt7Y1mwD4q107Ty56xnn",
      createM3u: true,
      line: 44,
    },
    {
      section: "artists",
      name: "Rush",
      url: "https://open.spotify.com/artist/2Hkut4rAAyrQxRdof7FVJq",
      createM3u: false,
      line: 42,
    },
  ]);
  // The plan_*_enabled leftovers: one warning each, never an error.
  expect(config.warnings).toHaveLength(5);
  expect(config.warnings[0]).toBe(
    `${join(SAMPLES, "python-era.yaml")} line 32, download.plan_generation_enabled: ` +
      "`plan_generation_enabled` is no longer used (plans are always generated); it is ignored and can be removed.",
  );
});

test("the client secret read from the file is redacted from then on", async () => {
  await load("python-era.yaml");
  expect(redact("token request with python-era-secret-value")).toBe("token request with [redacted]");
});

test("a Go-era config folds spotify:, top-level threads and rate_limits: into the download settings", async () => {
  const config = await load("go-era.yaml");
  expect(config.download).toMatchObject({
    clientId: "go-client-id",
    clientSecret: "go-era-client-secret",
    threads: 8, // top-level threads won over download.threads in the Go version
    format: "opus",
    bitrate: "160k",
    // The absolute template names the library folder (a Docker volume), not folders under the working directory.
    output: "{artist}/{album}/{title}.{output-ext}",
    outputDir: "/music",
    audioProviders: ["youtube-music"],
    cookies: join(SAMPLES, "cookies.txt"),
    spotifyMaxRetries: 6,
    maxRetries: 2,
    downloadBandwidthLimit: 2097152,
  });
  expect(config.sources.map((entry) => [entry.section, entry.name, entry.createM3u])).toEqual([
    ["saved", undefined, false],
    ["albums", undefined, false],
    ["albums", "Moving Pictures", false],
    ["playlists", "planet namek", true],
    ["playlists", "discover weekly", true],
  ]);
  const warned = config.warnings.map((warning) => warning.split(": ")[0]?.split(", ")[1]);
  expect(warned).toEqual([
    "download.cookies_from_browser",
    "download.js_runtimes",
    "download.remote_components",
    "ui",
    "plex",
    "graph",
  ]);
});

test("the config's credentials reach the Spotify source as written, trimmed; the environment is the source's to read", async () => {
  const config = await load("go-era.yaml", {
    SPOTIFY_CLIENT_ID: " env-id \n",
    SPOTIFY_CLIENT_SECRET: "  env-secret-value\n",
  });
  expect([config.download.clientId, config.download.clientSecret]).toEqual(["go-client-id", "go-era-client-secret"]);
});
