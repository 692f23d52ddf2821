import { afterEach, expect, test } from "bun:test";
import { readSpotifySettings } from "../../plugins/spotify/settings.ts";
import { clearRegisteredSecrets, redact, registerSecret } from "../../src/util/redact.ts";
import { testSettings } from "../helpers/spotify.ts";

afterEach(() => clearRegisteredSecrets());

const fromConfig = { clientId: "config-id", clientSecret: "config-secret-value" };

test("SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET win over the config's credentials, trimmed, and the secret is redacted", () => {
  const env = { SPOTIFY_CLIENT_ID: " env-id \n", SPOTIFY_CLIENT_SECRET: "  env-secret-value\n" };
  const settings = readSpotifySettings(testSettings(), fromConfig, env, registerSecret);
  expect([settings.clientId, settings.clientSecret]).toEqual(["env-id", "env-secret-value"]);
  expect(redact("token request with env-secret-value")).toBe("token request with [redacted]");
});

test("without them (or with blank ones) the config's credentials are used", () => {
  const settings = readSpotifySettings(testSettings(), fromConfig, { SPOTIFY_CLIENT_ID: "  " }, registerSecret);
  expect([settings.clientId, settings.clientSecret]).toEqual(["config-id", "config-secret-value"]);
  expect(redact("config-secret-value")).toBe("[redacted]");
});
