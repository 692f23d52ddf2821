/** `musicdl doctor`'s Spotify finding: credentials present, and accepted by one token request (never shown). */
import type { PluginCheck, PluginClock } from "musicdl/plugin";
import { SpotifyError } from "./errors.ts";
import { readAuthFile } from "./auth-file.ts";
import { DEFAULT_LOGIN_PORT } from "./login.ts";
import type { SpotifySettings } from "./settings.ts";
import { createClientCredentialsProvider, createUserTokenProvider, type TokenProvider } from "./tokens.ts";

const TOKEN_TIMEOUT_MS = 10_000;

export const CREDENTIALS_FIX =
  "Create an app at https://developer.spotify.com/dashboard, then export SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET " +
  `(or set client_id / client_secret in musicdl.yaml). For your liked songs, saved albums, followed artists and playlists, add the Redirect URI ` +
  `http://127.0.0.1:${DEFAULT_LOGIN_PORT}/callback to the app and run \`musicdl auth login\`.`;

export interface CheckSpotifyOptions {
  readonly settings: Pick<SpotifySettings, "clientId" | "clientSecret">;
  readonly accountsUrl: string;
  readonly authFile: string;
  readonly clock: PluginClock;
  readonly signal?: AbortSignal;
  registerSecret(value: string): void;
}

export async function checkSpotify(options: CheckSpotifyOptions): Promise<PluginCheck> {
  const { settings, accountsUrl, authFile, clock, registerSecret } = options;
  const stored = readAuthFile(authFile);
  let tokens: TokenProvider;
  let what: string;
  if (stored) {
    tokens = createUserTokenProvider({ accountsUrl, auth: stored, authFile, clock, registerSecret });
    what = `the login from \`musicdl auth login\` (${authFile})`;
  } else {
    const missing = [
      ...(settings.clientId ? [] : ["SPOTIFY_CLIENT_ID"]),
      ...(settings.clientSecret ? [] : ["SPOTIFY_CLIENT_SECRET"]),
    ];
    if (missing.length > 0 || !settings.clientId || !settings.clientSecret) {
      return failed(`no Spotify app credentials: ${missing.join(" and ")} not set`, CREDENTIALS_FIX);
    }
    tokens = createClientCredentialsProvider({
      accountsUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      clock,
      registerSecret,
    });
    what = "the app credentials (client id and secret)";
  }
  const timeout = AbortSignal.timeout(TOKEN_TIMEOUT_MS);
  try {
    await tokens.get(options.signal ? AbortSignal.any([options.signal, timeout]) : timeout);
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      return failed(
        `${accountsUrl} did not answer within ${TOKEN_TIMEOUT_MS / 1000} s`,
        "Check the network connection.",
      );
    }
    // The core redacts what a check says; an error of our own brings its own hint.
    if (error instanceof SpotifyError) return failed(error.message, error.hint ?? CREDENTIALS_FIX);
    return failed(error instanceof Error ? error.message : String(error), CREDENTIALS_FIX);
  }
  return { status: "ok", summary: `${accountsUrl} accepted ${what}` };
}

function failed(summary: string, fix: string): PluginCheck {
  return { status: "fail", summary, fix };
}
