/** What both YouTube providers search for, and how many results they keep. */
import type { SearchOptions, TrackMeta } from "musicdl/plugin";
import type { YouTubeOptions } from "./options.ts";

/** "Artist A, Artist B - Title": how most uploads are named, and the form YouTube Music ranks best (spotDL uses it too). */
export const searchQuery = (track: TrackMeta): string => `${track.artists.join(", ")} - ${track.title}`;

/** The caller's limit, capped by the provider's `search_limit` option; at least one. */
export const resultLimit = (opts: SearchOptions, options: YouTubeOptions): number =>
  Math.max(1, Math.min(opts.limit, options.search_limit));
