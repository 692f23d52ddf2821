/** `musicdl auth login|logout`: store or remove the Spotify user login used for `saved`, `my-playlists` and the like. */
import { defineCommand } from "citty";
import { findConfigFile } from "../../config/find-config-file.ts";
import { UsageError } from "../../errors.ts";
import { log } from "../../log.ts";
import { defaultAuthFile, readAuthFile, removeAuthFile } from "../../../plugins/spotify/auth-file.ts";
import { DEFAULT_ACCOUNTS_URL } from "../../../plugins/spotify/client.ts";
import { DEFAULT_LOGIN_PORT, loginWithPkce } from "../../../plugins/spotify/login.ts";
import { DEFAULT_SCOPES, KNOWN_SCOPES, parseScopeList, scopesForSources } from "../../../plugins/spotify/scopes.ts";
import { globalArgs } from "../global-args.ts";

const login = defineCommand({
  meta: {
    name: "login",
    description:
      `Log in to Spotify in the browser (Authorization Code + PKCE; no client secret needed).\n` +
      `Register http://127.0.0.1:${DEFAULT_LOGIN_PORT}/callback as a Redirect URI of your app first ` +
      `(https://developer.spotify.com/dashboard; \`localhost\` is not accepted by Spotify).\n\n` +
      `It asks only for the read permissions your config's sources need (and those of the login it replaces); ` +
      `--scope adds more. With no config, it asks for liked songs and playlists.\n\n` +
      `Examples:\n  musicdl auth login\n  musicdl auth login --client-id 0123abcd --port 9090\n` +
      `  musicdl auth login --scope user-follow-read`,
  },
  args: {
    "client-id": {
      type: "string",
      description: "Spotify app client id (default: $SPOTIFY_CLIENT_ID, then client_id in the config)",
      valueHint: "ID",
    },
    port: {
      type: "string",
      description: `Loopback port of the redirect URI (default ${DEFAULT_LOGIN_PORT}; 0 picks a free one)`,
      valueHint: "PORT",
    },
    scope: {
      type: "string",
      description: `Extra Spotify permissions, comma separated: ${KNOWN_SCOPES.join(", ")}`,
      valueHint: "SCOPES",
    },
    config: globalArgs.config,
  },
  async run({ args }) {
    const config = await readConfig(args.config);
    const clientId = args["client-id"] || process.env.SPOTIFY_CLIENT_ID || config?.download.clientId;
    if (!clientId) {
      throw new UsageError("Spotify login needs your app's client id: SPOTIFY_CLIENT_ID is not set.", {
        hint:
          `Create an app at https://developer.spotify.com/dashboard (Redirect URI http://127.0.0.1:${DEFAULT_LOGIN_PORT}/callback), ` +
          "then set SPOTIFY_CLIENT_ID, pass --client-id, or put client_id in musicdl.yaml.",
      });
    }
    const port = args.port === undefined ? DEFAULT_LOGIN_PORT : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--port ${args.port}: not a port number.`);
    const authFile = defaultAuthFile();
    const scopes = scopesToAsk(args.scope, config?.sources.map((source) => source.url) ?? [], authFile);
    await loginWithPkce({
      clientId,
      scopes,
      accountsUrl: (process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL ?? DEFAULT_ACCOUNTS_URL).replace(/\/+$/, ""),
      authFile,
      port,
      onAuthorizeUrl(url, redirectUri) {
        process.stdout.write(`Open this URL in a browser to log in to Spotify:\n\n${url}\n\n`);
        log.info(`Waiting for Spotify to redirect to ${redirectUri} …`);
      },
    });
    process.stdout.write(`Logged in. The login is stored in ${authFile}; \`musicdl auth logout\` removes it.\n`);
  },
});

/** The config, when there is a config file; a broken config stops with its own error. */
async function readConfig(configPath: string | undefined) {
  const found = findConfigFile({ configPath, cwd: process.cwd(), env: process.env });
  if (!found.path) return undefined;
  // Loaded only here: the session module pulls in the store and plugins, which `auth logout` does not need.
  const { loadConfigFromArgs } = await import("../session.ts");
  return loadConfigFromArgs({ config: found.path, _: [] });
}

/**
 * `--scope`, plus what the config's sources need, plus what the login being replaced had (logging in again for a
 * new source never takes away an old one). Nothing at all: liked songs and playlists, as before.
 */
function scopesToAsk(flag: string | undefined, sourceUrls: readonly string[], authFile: string): string[] {
  const asked = parseScopeList(flag ?? "");
  if (asked.unknown.length > 0) {
    throw new UsageError(`--scope ${asked.unknown.join(", ")}: not a Spotify permission musicdl uses.`, {
      hint: `Use any of: ${KNOWN_SCOPES.join(", ")}.`,
    });
  }
  const previous = parseScopeList(readAuthFile(authFile)?.scope ?? "").scopes;
  const wanted = new Set<string>([...asked.scopes, ...scopesForSources(sourceUrls), ...previous]);
  if (wanted.size === 0) return [...DEFAULT_SCOPES];
  return KNOWN_SCOPES.filter((scope) => wanted.has(scope));
}

const logout = defineCommand({
  meta: { name: "logout", description: "Forget the stored Spotify login (musicdl falls back to the app credentials)." },
  run() {
    const authFile = defaultAuthFile();
    const existed = removeAuthFile(authFile);
    process.stdout.write(existed ? `Logged out; removed ${authFile}.\n` : "Not logged in; nothing to remove.\n");
  },
});

export default defineCommand({
  meta: {
    name: "auth",
    description: "Spotify user login for your liked songs, saved albums, followed artists and playlists",
  },
  subCommands: { login, logout },
});
