/** The `youtube` provider: a plain YouTube video search, the fallback when YouTube Music has no fitting recording. */
import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
import { createYouTubeSession } from "../_youtube-common/session.ts";

const NAME = "youtube";

export default (ctx: PluginContext) => {
  const session = createYouTubeSession(ctx, NAME);
  return {
    apiVersion: 1,
    kind: "provider",
    name: NAME,
    description: "YouTube videos (fallback for recordings YouTube Music lacks)",
    // Search and download modules pull in youtubei.js; they load on first use so listing plugins stays fast.
    search: async (track, opts) => (await import("./search-videos.ts")).searchVideos(session, NAME, track, opts),
    download: async (candidate, tempDir, opts) =>
      (await import("../_youtube-common/download-audio.ts")).downloadYouTubeAudio(session, NAME, candidate, tempDir, opts),
  } satisfies ProviderPlugin;
};
