import { afterEach, expect, test } from "bun:test";
import { readSpotifySettings } from "../../plugins/spotify/settings.ts";
import { clearRegisteredSecrets, redact, registerSecret } from "../../src/util/redact.ts";
import { loadConfig } from "../../src/config/load.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

afterEach(() => clearRegisteredSecrets());

const fromConfig = { clientId: "config-id", clientSecret: "config-secret-value" };

test("SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET win over the config's credentials, trimmed, and the secret is redacted", () => {
  const env = { SPOTIFY_CLIENT_ID: " env-id \n", SPOTIFY_CLIENT_SECRET: "  env-secret-value\n" };
  const settings = readSpotifySettings({}, fromConfig, env, registerSecret);
  expect([settings.clientId, settings.clientSecret]).toEqual(["env-id", "env-secret-value"]);
  expect(redact("token request with env-secret-value")).toBe("token request with [redacted]");
});

test("without them (or with blank ones) the config's credentials are used", () => {
  const settings = readSpotifySettings({}, fromConfig, { SPOTIFY_CLIENT_ID: "  " }, registerSecret);
  expect([settings.clientId, settings.clientSecret]).toEqual(["config-id", "config-secret-value"]);
  expect(redact("config-secret-value")).toBe("[redacted]");
});

/** The `download:` settings a config file gives the source, as the core hands them over in `ctx.settings`. */
async function settingsOf(download: string): Promise<Readonly<Record<string, unknown>>> {
  using dir = createTempDir();
  const file = `${dir.path}/musicdl.yaml`;
  await Bun.write(file, `version: "1.2"\ndownload:\n${download}`);
  const config = await loadConfig({
    configPath: file,
    cwd: dir.path,
    cliSources: [],
    env: { HOME: dir.path },
    overrides: {},
  });
  return config.download as unknown as Readonly<Record<string, unknown>>;
}

test("a config that sets no pace gets 150 requests per 30 s; one that sets either key keeps the origin's per-second meaning", async () => {
  const pace = async (download: string) => {
    const read = readSpotifySettings(await settingsOf(download), {}, {}, registerSecret);
    return [read.spotifyRateLimitRequests, read.spotifyRateLimitWindowS];
  };
  expect(await pace("  format: mp3\n")).toEqual([150, 30]);
  expect(await pace("  spotify_rate_limit_requests: 20\n")).toEqual([20, 1]);
  expect(await pace("  spotify_rate_limit_window: 5\n")).toEqual([10, 5]);
  expect(await pace("  spotify_rate_limit_requests: 300\n  spotify_rate_limit_window: 60\n")).toEqual([300, 60]);
});
