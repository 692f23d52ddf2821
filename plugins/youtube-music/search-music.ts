/** YouTube Music search with as few requests as possible: ISRC card, then songs, then videos only when needed. */
import type { AudioCandidate, SearchOptions, TrackMeta } from "musicdl/plugin";
import type { Innertube } from "youtubei.js";
import { describeInnertubeError } from "../_youtube-common/innertube-errors.ts";
import { resultLimit, searchQuery } from "../_youtube-common/search-terms.ts";
import type { YouTubeSession } from "../_youtube-common/session.ts";
import { candidatesFromMusicSearch, type ReadOptions } from "./music-candidates.ts";
import { looksLikeTrack } from "./looks-like-track.ts";

export async function searchYouTubeMusic(
  session: YouTubeSession,
  provider: string,
  track: TrackMeta,
  opts: SearchOptions,
): Promise<AudioCandidate[]> {
  const limit = resultLimit(opts, session.options);
  const yt = await session.innertube();
  const found: AudioCandidate[] = [];
  const add = (candidates: readonly AudioCandidate[]) => {
    for (const candidate of candidates.slice(0, limit)) {
      if (!found.some((known) => known.id === candidate.id)) found.push(candidate);
    }
  };
  const search = (query: string, type: "all" | "song" | "video", read: Omit<ReadOptions, "provider">) =>
    runSearch(session, yt, query, type, opts.signal).then((contents) =>
      candidatesFromMusicSearch(contents, { ...read, provider }),
    );
  const looksRight = (kind?: AudioCandidate["kind"]) =>
    found.some((candidate) => (kind === undefined || candidate.kind === kind) && looksLikeTrack(track, candidate));

  if (track.isrc) {
    // An ISRC query answers with a top-result card only (fixtures: search-isrc-card.json). A song card that
    // looks right is the release itself: no further request.
    add(await search(track.isrc, "all", { foundBy: "isrc", filtered: false, cardsOnly: true }));
    if (looksRight("song")) return found.slice(0, limit);
  }
  const query = searchQuery(track);
  add(await search(query, "song", { foundBy: "songs", filtered: true }));
  if (!looksRight()) add(await search(query, "video", { foundBy: "videos", filtered: true }));
  session.log.debug(`"${query}": ${found.length} candidates`);
  return found.slice(0, limit);
}

async function runSearch(
  session: YouTubeSession,
  yt: Innertube,
  query: string,
  type: "all" | "song" | "video",
  signal: AbortSignal | undefined,
) {
  signal?.throwIfAborted();
  try {
    const result = await session.youtubeFetch.withSignal(signal, () => yt.music.search(query, { type }));
    return result.contents ? [...result.contents] : [];
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw describeInnertubeError(error, `YouTube Music search for "${query}"`);
  }
}
