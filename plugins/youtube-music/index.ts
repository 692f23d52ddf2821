/** The `youtube-music` provider: finds recordings with YouTube Music search and downloads their audio-only stream. */
import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
import { createYouTubeSession } from "../_youtube-common/session.ts";

const NAME = "youtube-music";

export default (ctx: PluginContext) => {
  const session = createYouTubeSession(ctx, NAME);
  return {
    apiVersion: 1,
    kind: "provider",
    name: NAME,
    description: "YouTube Music: songs (audio tracks) first, music videos when no song fits",
    // Search and download modules pull in youtubei.js; they load on first use so listing plugins stays fast.
    search: async (track, opts) => (await import("./search-music.ts")).searchYouTubeMusic(session, NAME, track, opts),
    download: async (candidate, tempDir, opts) =>
      (await import("../_youtube-common/download-audio.ts")).downloadYouTubeAudio(session, NAME, candidate, tempDir, opts),
  } satisfies ProviderPlugin;
};
