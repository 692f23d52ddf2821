/** The built-in Spotify source's say on links, for config tests that load a config without a whole session. */
import createSpotifySource from "../../plugins/spotify/index.ts";
import type { LinkSources } from "../../src/config/source-links.ts";
import { linkSourcesOf } from "../../src/plugins/link-sources.ts";
import { coreContextMembers } from "./plugin-core.ts";

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export const spotifyLinks: LinkSources = linkSourcesOf([
  createSpotifySource({
    ...coreContextMembers("spotify", { builtin: true }),
    log: silent,
    http: { fetch: () => Promise.reject(new Error("link checks send nothing")) },
    options: undefined,
    v: await import("valibot"),
    dirs: { cache: "/nonexistent", temp: "/nonexistent" },
    ffmpegPath: null,
    musicdlVersion: "0.0.0-test",
  }),
]);
