/** Doctor check for Spotify: credentials present, and accepted by one token request (the token is never shown). */
import type { DownloadSettings } from "../../config/types.ts";
import { defaultAuthFile, readAuthFile } from "../../../plugins/spotify/auth-file.ts";
import { DEFAULT_ACCOUNTS_URL } from "../../../plugins/spotify/client.ts";
import { DEFAULT_LOGIN_PORT } from "../../../plugins/spotify/login.ts";
import {
  createClientCredentialsProvider,
  createUserTokenProvider,
  type TokenProvider,
} from "../../../plugins/spotify/tokens.ts";
import { systemClock } from "../../util/clock.ts";
import { type DoctorCheck, failed, failedWith, passed } from "./check.ts";

const TOKEN_TIMEOUT_MS = 10_000;

export const CREDENTIALS_FIX =
  "Create an app at https://developer.spotify.com/dashboard, then export SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET " +
  `(or set client_id / client_secret in musicdl.yaml). For your liked songs, saved albums, followed artists and playlists, add the Redirect URI ` +
  `http://127.0.0.1:${DEFAULT_LOGIN_PORT}/callback to the app and run \`musicdl auth login\`.`;

export async function checkSpotify(
  settings: Pick<DownloadSettings, "clientId" | "clientSecret">,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DoctorCheck> {
  const accountsUrl = (env.MUSICDL_SPOTIFY_ACCOUNTS_URL ?? DEFAULT_ACCOUNTS_URL).replace(/\/+$/, "");
  const authFile = defaultAuthFile();
  const stored = readAuthFile(authFile);
  let tokens: TokenProvider;
  let what: string;
  if (stored) {
    tokens = createUserTokenProvider({ accountsUrl, auth: stored, authFile, clock: systemClock });
    what = `the login from \`musicdl auth login\` (${authFile})`;
  } else {
    const missing = [
      ...(settings.clientId ? [] : ["SPOTIFY_CLIENT_ID"]),
      ...(settings.clientSecret ? [] : ["SPOTIFY_CLIENT_SECRET"]),
    ];
    if (missing.length > 0 || !settings.clientId || !settings.clientSecret) {
      return failed("spotify", `no Spotify app credentials: ${missing.join(" and ")} not set`, CREDENTIALS_FIX);
    }
    tokens = createClientCredentialsProvider({
      accountsUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      clock: systemClock,
    });
    what = "the app credentials (client id and secret)";
  }
  try {
    await tokens.get(AbortSignal.timeout(TOKEN_TIMEOUT_MS));
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      return failed(
        "spotify",
        `${accountsUrl} did not answer within ${TOKEN_TIMEOUT_MS / 1000} s`,
        "Check the network connection.",
      );
    }
    return failedWith("spotify", error, CREDENTIALS_FIX);
  }
  return passed("spotify", `${accountsUrl} accepted ${what}`);
}
