/** The `youtube` provider: a plain YouTube video search, the fallback when YouTube Music has no fitting recording. */
import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
import { downloadYouTubeAudio } from "../_youtube-common/download-audio.ts";
import { createYouTubeSession } from "../_youtube-common/session.ts";
import { searchVideos } from "./search-videos.ts";

const NAME = "youtube";

export default (ctx: PluginContext) => {
  const session = createYouTubeSession(ctx, NAME);
  return {
    apiVersion: 1,
    kind: "provider",
    name: NAME,
    description: "YouTube videos (fallback for recordings YouTube Music lacks)",
    search: (track, opts) => searchVideos(session, NAME, track, opts),
    download: (candidate, tempDir, opts) => downloadYouTubeAudio(session, NAME, candidate, tempDir, opts),
  } satisfies ProviderPlugin;
};
