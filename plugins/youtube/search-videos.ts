/** Plain YouTube video search: one request per track and run, results in YouTube's order. */
import type { AudioCandidate, SearchOptions, TrackMeta } from "musicdl/plugin";
import { describeInnertubeError } from "../_youtube-common/innertube-errors.ts";
import { resultLimit, searchQuery } from "../_youtube-common/search-terms.ts";
import type { YouTubeSession } from "../_youtube-common/session.ts";
import { candidatesFromVideos } from "./video-candidates.ts";

export async function searchVideos(
  session: YouTubeSession,
  provider: string,
  track: TrackMeta,
  opts: SearchOptions,
): Promise<AudioCandidate[]> {
  const limit = resultLimit(opts, session.options);
  const query = searchQuery(track);
  const yt = await session.innertube();
  opts.signal?.throwIfAborted();
  try {
    // A repeated search in the same run (a fallback after a failed download) is answered from memory.
    const known = session.answers.get(query) as Awaited<ReturnType<typeof yt.search>> | undefined;
    const result =
      known ?? (await session.youtubeFetch.withSignal(opts.signal, () => yt.search(query, { type: "video" })));
    session.answers.set(query, result);
    return candidatesFromVideos([...result.results], provider).slice(0, limit);
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    throw describeInnertubeError(error, `YouTube search for "${query}"`);
  }
}
