/** What both YouTube providers search for, and how many results they keep. */
import type { SearchOptions, TrackMeta } from "musicdl/plugin";
import type { YouTubeOptions } from "./options.ts";

/** "Artist A, Artist B - Title": how most uploads are named, and the form YouTube Music ranks best (spotDL uses it too). */
export const searchQuery = (track: TrackMeta): string => `${track.artists.join(", ")} - ${track.title}`;

/**
 * "Artist - Title Album": the album's words lift its own song above other recordings of the title (compilations,
 * re-recordings). Undefined for a single named after its song, where it would repeat the first query.
 */
export const albumQuery = (track: TrackMeta): string | undefined => {
  const fold = (text: string) =>
    text
      .toLowerCase()
      .replace(/\s*[([].*$/, "")
      .trim();
  return fold(track.album.name) === fold(track.title) ? undefined : `${searchQuery(track)} ${track.album.name}`;
};

/** The caller's limit, capped by the provider's `search_limit` option; at least one. */
export const resultLimit = (opts: SearchOptions, options: YouTubeOptions): number =>
  Math.max(1, Math.min(opts.limit, options.search_limit));
