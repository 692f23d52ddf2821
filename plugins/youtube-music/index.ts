/** The `youtube-music` provider: finds recordings with YouTube Music search and downloads their audio-only stream. */
import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
import { downloadYouTubeAudio } from "../_youtube-common/download-audio.ts";
import { createYouTubeSession } from "../_youtube-common/session.ts";
import { searchYouTubeMusic } from "./search-music.ts";

const NAME = "youtube-music";

export default (ctx: PluginContext) => {
  const session = createYouTubeSession(ctx, NAME);
  return {
    apiVersion: 1,
    kind: "provider",
    name: NAME,
    description: "YouTube Music: songs (audio tracks) first, music videos when no song fits",
    search: (track, opts) => searchYouTubeMusic(session, NAME, track, opts),
    download: (candidate, tempDir, opts) => downloadYouTubeAudio(session, NAME, candidate, tempDir, opts),
  } satisfies ProviderPlugin;
};
