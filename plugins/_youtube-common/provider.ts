/** Builds either YouTube provider: the same session and download, each with its own search. */
import type { AudioCandidate, PluginContext, ProviderPlugin, SearchOptions, TrackMeta } from "musicdl/plugin";
import { type PinSite, recognisePin } from "./pin-links.ts";
import { createYouTubeSession, type YouTubeSession } from "./session.ts";

export interface YouTubeProviderSpec {
  readonly name: string;
  readonly description: string;
  /** Loaded on first search: search modules pull in youtubei.js, so listing plugins stays fast. */
  loadSearch(): Promise<
    (session: YouTubeSession, name: string, track: TrackMeta, opts: SearchOptions) => Promise<AudioCandidate[]>
  >;
  /** The links (and bare ids) a user pins this provider's videos with. */
  readonly pinSite: PinSite;
  /** Answers `musicdl doctor` with one request to YouTube Music's origin; one provider is enough to ask. */
  readonly checksReachability?: boolean;
}

export function createYouTubeProvider(ctx: PluginContext, spec: YouTubeProviderSpec): ProviderPlugin {
  const session = createYouTubeSession(ctx, spec.name);
  return {
    apiVersion: 1,
    kind: "provider",
    name: spec.name,
    description: spec.description,
    search: async (track, opts) => (await spec.loadSearch())(session, spec.name, track, opts),
    download: async (candidate, tempDir, opts) =>
      (await import("./download-audio.ts")).downloadYouTubeAudio(session, spec.name, candidate, tempDir, opts),
    pin: (text) => recognisePin(text, spec.pinSite),
    ...(spec.checksReachability
      ? { check: async (opts) => (await import("./check-reachable.ts")).checkYouTubeReachable(session, opts) }
      : {}),
  };
}
