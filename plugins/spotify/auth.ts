/** `musicdl auth login|logout` for Spotify: which app, which permissions, where the login is kept. */
import type { LoginOptions, SourceAuth } from "musicdl/plugin";
import { SpotifyUsageError } from "./errors.ts";
import { readAuthFile, removeAuthFile } from "./auth-file.ts";
import { DEFAULT_LOGIN_PORT, loginWithPkce } from "./login.ts";
import { DEFAULT_SCOPES, KNOWN_SCOPES, parseScopeList, scopesForSources } from "./scopes.ts";

export interface SpotifyAuthOptions {
  readonly clientId?: string;
  readonly accountsUrl: string;
  readonly authFile: string;
  registerSecret(value: string): void;
}

export function createSpotifyAuth(options: SpotifyAuthOptions): SourceAuth {
  const { authFile } = options;
  return {
    async login(login: LoginOptions) {
      // The config's client_id arrives as the credentials (SPOTIFY_CLIENT_ID winning); with no config, the env alone.
      const clientId = login.clientId || options.clientId || process.env.SPOTIFY_CLIENT_ID;
      if (!clientId) {
        throw new SpotifyUsageError("Spotify login needs your app's client id: SPOTIFY_CLIENT_ID is not set.", {
          hint:
            `Create an app at https://developer.spotify.com/dashboard (Redirect URI http://127.0.0.1:${DEFAULT_LOGIN_PORT}/callback), ` +
            "then set SPOTIFY_CLIENT_ID, pass --client-id, or put client_id in musicdl.yaml.",
        });
      }
      await loginWithPkce({
        registerSecret: options.registerSecret,
        clientId,
        scopes: scopesToAsk(login.scope, login.sourceInputs, authFile),
        accountsUrl: options.accountsUrl,
        authFile,
        port: login.port ?? DEFAULT_LOGIN_PORT,
        onAuthorizeUrl: login.onAuthorizeUrl,
      });
      return `Logged in. The login is stored in ${authFile}; \`musicdl auth logout\` removes it.`;
    },
    logout() {
      return removeAuthFile(authFile) ? `Logged out; removed ${authFile}.` : "Not logged in; nothing to remove.";
    },
  };
}

/**
 * `--scope`, plus what the config's sources need, plus what the login being replaced had (logging in again for a
 * new source never takes away an old one). Nothing at all: liked songs and playlists, as before.
 */
function scopesToAsk(flag: string | undefined, sourceUrls: readonly string[], authFile: string): string[] {
  const asked = parseScopeList(flag ?? "");
  if (asked.unknown.length > 0) {
    throw new SpotifyUsageError(`--scope ${asked.unknown.join(", ")}: not a Spotify permission musicdl uses.`, {
      hint: `Use any of: ${KNOWN_SCOPES.join(", ")}.`,
    });
  }
  const previous = parseScopeList(readAuthFile(authFile)?.scope ?? "").scopes;
  const wanted = new Set<string>([...asked.scopes, ...scopesForSources(sourceUrls), ...previous]);
  if (wanted.size === 0) return [...DEFAULT_SCOPES];
  return KNOWN_SCOPES.filter((scope) => wanted.has(scope));
}
