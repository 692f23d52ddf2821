/** `musicdl auth login|logout`: store or remove a source's user login (Spotify's, for `saved`, `my-playlists`…). */
import { defineCommand } from "citty";
import type { Config } from "../../config/types.ts";
import { findConfigFile } from "../../config/find-config-file.ts";
import { UsageError } from "../../errors.ts";
import { log } from "../../log.ts";
import type { SourceAuth, SourcePlugin } from "../../plugins/api.ts";
import { callSource } from "../../plugins/call.ts";
import { globalArgs } from "../global-args.ts";

const login = defineCommand({
  meta: {
    name: "login",
    description:
      `Log in to Spotify in the browser (Authorization Code + PKCE; no client secret needed).\n` +
      `Register the Redirect URI it names (http://127.0.0.1:<port>/callback) in your app first ` +
      `(\`localhost\` is not accepted by Spotify).\n\n` +
      `It asks only for the read permissions your config's sources need (and those of the login it replaces); ` +
      `--scope adds more. With no config, it asks for liked songs and playlists.\n\n` +
      `Examples:\n  musicdl auth login\n  musicdl auth login --client-id 0123abcd --port 9090\n` +
      `  musicdl auth login --scope user-follow-read`,
  },
  args: {
    "client-id": {
      type: "string",
      description: "The app's client id (default: $SPOTIFY_CLIENT_ID, then client_id in the config)",
      valueHint: "ID",
    },
    port: {
      type: "string",
      description: "Loopback port of the redirect URI (default: the source's, 8888 for Spotify; 0 picks a free one)",
      valueHint: "PORT",
    },
    scope: {
      type: "string",
      description: "Extra permissions, comma separated (for Spotify: user-library-read, user-follow-read…)",
      valueHint: "SCOPES",
    },
    config: globalArgs.config,
  },
  async run({ args }) {
    const port = args.port === undefined ? undefined : Number(args.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535))
      throw new UsageError(`--port ${args.port}: not a port number.`);
    const config = await readConfig(args.config);
    const { source, auth } = await loginSource(config);
    const service = source.links?.label ?? source.name;
    const done = await callSource(source, "auth.login", () =>
      auth.login({
        ...(args["client-id"] ? { clientId: args["client-id"] } : {}),
        ...(port === undefined ? {} : { port }),
        ...(args.scope === undefined ? {} : { scope: args.scope }),
        sourceInputs: config?.sources.map((entry) => entry.url) ?? [],
        onAuthorizeUrl(url, redirectUri) {
          process.stdout.write(`Open this URL in a browser to log in to ${service}:\n\n${url}\n\n`);
          log.info(`Waiting for ${service} to redirect to ${redirectUri} …`);
        },
      }),
    );
    process.stdout.write(`${done}\n`);
  },
});

/** The config, when there is a config file; a broken config stops with its own error. */
async function readConfig(configPath: string | undefined): Promise<Config | undefined> {
  const found = findConfigFile({ configPath, cwd: process.cwd(), env: process.env });
  if (!found.path) return undefined;
  // Loaded only here: the session module pulls in the store and plugins, which `auth logout` does not need.
  const { loadConfigFromArgs } = await import("../session.ts");
  return loadConfigFromArgs({ config: found.path, _: [] });
}

/** The first loaded source with user logins, given the config's credentials and plugin folders. */
async function loginSource(config: Config | undefined): Promise<{ source: SourcePlugin; auth: SourceAuth }> {
  const { openPlugins } = await import("../../plugins/open.ts");
  const { registry } = await openPlugins({
    reportOnly: true,
    ...(config
      ? {
          pluginsDirs: config.download.pluginsDirs,
          pluginOptions: config.pluginOptions,
          configFile: config.file,
          settings: config.download,
          credentials: { clientId: config.download.clientId, clientSecret: config.download.clientSecret },
        }
      : {}),
  });
  const source = registry.sources.find((candidate) => candidate.auth);
  if (!source?.auth) throw new UsageError("no loaded source has user logins.");
  return { source, auth: source.auth };
}

const logout = defineCommand({
  meta: { name: "logout", description: "Forget the stored Spotify login (musicdl falls back to the app credentials)." },
  async run() {
    const { source, auth } = await loginSource(undefined);
    process.stdout.write(`${await callSource(source, "auth.logout", async () => auth.logout())}\n`);
  },
});

export default defineCommand({
  meta: {
    name: "auth",
    description: "Spotify user login for your liked songs, saved albums, followed artists and playlists",
  },
  subCommands: { login, logout },
});
