/**
 * The built-in `spotify` source: Spotify links, URIs and library words (`saved`, `saved-albums`…) to tracks through
 * the Web API, plain text ("Artist - Title") through Spotify search, `musicdl auth` logins and the doctor's check.
 * Everything it needs of the core comes through its PluginContext, as it would for a third-party source.
 */
import type { PluginContext, SourceExpansion, SourcePlugin, SourceRef } from "musicdl/plugin";
import { createSpotifyAuth } from "./auth.ts";
import { withFreshTracksAndAlbums } from "./cache.ts";
import { checkSpotify } from "./check.ts";
import { DEFAULT_ACCOUNTS_URL, DEFAULT_API_URL, type SpotifyClient, createSpotifyClient } from "./client.ts";
import { exampleLinks, matchSpotify, refuseSpotify } from "./links.ts";
import { readSpotifySettings } from "./settings.ts";
import { type SpotifyRef, isLibraryKind, spotifyUrlOf } from "./url.ts";

export default function createSpotifySource(ctx: PluginContext): SourcePlugin {
  const settings = readSpotifySettings(ctx.settings, ctx.credentials, process.env, ctx.registerSecret);
  // Read once, when the plugin is created: the fakes (and a proxy) stand in for Spotify through these.
  const apiUrl = process.env.MUSICDL_SPOTIFY_API_URL ?? DEFAULT_API_URL;
  const accountsUrl = (process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL ?? DEFAULT_ACCOUNTS_URL).replace(/\/+$/, "");
  let client: SpotifyClient | undefined;
  // Built on first use: listing plugins or checking a config needs no settings, credentials or limiter.
  const spotify = (): SpotifyClient => {
    client ??= createSpotifyClient({
      settings,
      apiUrl,
      accountsUrl,
      // Re-tagging must see album and track renames; those cache entries never expire otherwise.
      cache: settings.overwrite === "metadata" ? withFreshTracksAndAlbums(ctx.cache) : ctx.cache,
      authFile: ctx.authFile,
      clock: ctx.clock,
      rateLimiter: ctx.rateLimiter,
      backoffMs: ctx.backoffMs,
      registerSecret: ctx.registerSecret,
      text: ctx.text,
      log: ctx.log,
      onEvent: (event) => {
        if (event.type === "rate-limit-wait")
          ctx.report({ type: "wait", reason: "Spotify asked for a pause", untilMs: event.until });
      },
    });
    return client;
  };
  return {
    apiVersion: 1,
    kind: "source",
    name: "spotify",
    description: 'Spotify links, URIs, your library (saved, saved-albums…) and "Artist - Title" searches',
    match: matchSpotify,
    refuse: refuseSpotify,
    links: { label: "Spotify", example: exampleLinks },
    async resolve(ref, opts) {
      // Checked first: an answer from the cache would otherwise come back after the user pressed Ctrl-C.
      opts.signal?.throwIfAborted();
      return spotify().resolve(spotifyRefOf(ref), opts);
    },
    async expand(ref, opts): Promise<SourceExpansion | null> {
      if (!isLibraryKind(ref.kind)) return null;
      const expansion = await spotify().expand(ref.kind, opts);
      return {
        children: expansion.children.map((child) => ({ ...child, url: spotifyUrlOf(child.kind, child.id) })),
        warnings: expansion.warnings,
      };
    },
    search: (text, opts) => spotify().resolveText(text, opts),
    auth: createSpotifyAuth({
      clientId: settings.clientId,
      accountsUrl,
      authFile: ctx.authFile,
      registerSecret: ctx.registerSecret,
    }),
    check: (opts) =>
      checkSpotify({
        settings,
        accountsUrl,
        authFile: ctx.authFile,
        clock: ctx.clock,
        registerSecret: ctx.registerSecret,
        ...opts,
      }),
    // Counters only once something was asked of Spotify, so a run that never touched it shows all zeros.
    stats: () => ({ ...(client?.stats() ?? { requests: 0, retries: 0, rateLimited: 0, waitedS: 0, cacheHits: 0 }) }),
  };
}

function spotifyRefOf(ref: SourceRef): SpotifyRef {
  return { kind: ref.kind as SpotifyRef["kind"], id: ref.id };
}
