/** The `youtube` provider: a plain YouTube video search, the fallback when YouTube Music has no fitting recording. */
import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
import { createYouTubeProvider } from "../_youtube-common/provider.ts";

export default (ctx: PluginContext) =>
  createYouTubeProvider(ctx, {
    name: "youtube",
    description: "YouTube videos (fallback for recordings YouTube Music lacks)",
    loadSearch: async () => (await import("./search-videos.ts")).searchVideos,
    pinSite: { hosts: ["youtube.com", "youtu.be"], watchPage: "https://www.youtube.com/watch?v=" },
  }) satisfies ProviderPlugin;
