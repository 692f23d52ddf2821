/** The `youtube-music` provider: finds recordings with YouTube Music search and downloads their audio-only stream. */
import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
import { createYouTubeProvider } from "../_youtube-common/provider.ts";

export default (ctx: PluginContext) =>
  createYouTubeProvider(ctx, {
    name: "youtube-music",
    description: "YouTube Music: songs (audio tracks) first, music videos when no song fits",
    loadSearch: async () => (await import("./search-music.ts")).searchYouTubeMusic,
    pinSite: { hosts: ["music.youtube.com"], watchPage: "https://music.youtube.com/watch?v=" },
    checksReachability: true,
  }) satisfies ProviderPlugin;
