/**
 * YouTube Music search that goes on until it is sure, within a budget of {@link MAX_MUSIC_SEARCHES} requests:
 * ISRC lookup, songs search, album-qualified songs search, the songs search's second page, music videos. It stops
 * as soon as the core's `isSure` says a candidate is strong; a failed request falls through to the next one.
 */
import type { AudioCandidate, SearchOptions, TrackMeta } from "musicdl/plugin";
import type { Innertube } from "youtubei.js";
import { describeInnertubeError } from "../_youtube-common/innertube-errors.ts";
import { albumQuery, resultLimit, searchQuery } from "../_youtube-common/search-terms.ts";
import type { YouTubeSession } from "../_youtube-common/session.ts";
import { looksLikeTrack, sameTitle } from "./looks-like-track.ts";
import { candidatesFromMusicSearch, type ReadOptions } from "./music-candidates.ts";

/** Search requests for one track at most (docs/matching.md, "Search budget"). */
export const MAX_MUSIC_SEARCHES = 5;

type MusicSearch = Awaited<ReturnType<Innertube["music"]["search"]>>;
type Contents = Parameters<typeof candidatesFromMusicSearch>[0];

export async function searchYouTubeMusic(
  session: YouTubeSession,
  provider: string,
  track: TrackMeta,
  opts: SearchOptions,
): Promise<AudioCandidate[]> {
  opts.signal?.throwIfAborted();
  const limit = resultLimit(opts, session.options);
  const yt = await session.innertube();
  const found: AudioCandidate[] = [];
  const errors: Error[] = [];
  let requests = 0;
  const add = (candidates: readonly AudioCandidate[], max = limit) => {
    for (const candidate of candidates.slice(0, max)) {
      if (!found.some((known) => known.id === candidate.id)) found.push(candidate);
    }
  };
  // Without the core's judgement (an older caller), a song of the right title and length is sure enough.
  const sure = () => (opts.isSure ? opts.isSure(found) : found.some((c) => looksLikeTrack(track, c)));
  /** Worth a deeper look: a song of the same title that was not sure enough (another cut, another album). */
  const nearMisses = () => found.filter((candidate) => candidate.kind === "song" && sameTitle(track, candidate));
  const nearMiss = () => nearMisses().length > 0;
  const attempt = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
    opts.signal?.throwIfAborted();
    requests++;
    try {
      return await session.youtubeFetch.withSignal(opts.signal, request);
    } catch (error) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      const described = describeInnertubeError(error, what);
      // A rate limit applies to the next query too: stop rather than spend the budget on more 429s.
      if (/\b429\b/.test(described.message)) throw described;
      errors.push(described);
      return undefined;
    }
  };
  const read = (contents: Contents | undefined, options: Omit<ReadOptions, "provider">, max = limit) =>
    add(candidatesFromMusicSearch(contents, { ...options, provider }), max);
  // The same query within a run (a fallback search after a failed download) is answered from memory.
  const search = async (query: string, type: "all" | "song" | "video") => {
    const key = `${type}\n${query}`;
    const known = session.answers.get(key) as MusicSearch | undefined;
    if (known) return known;
    const answer = await attempt(`YouTube Music search for "${query}"`, () => yt.music.search(query, { type }));
    if (answer) session.answers.set(key, answer);
    return answer;
  };

  if (track.isrc) {
    // An ISRC query answers with a top-result card (search-isrc-card.json), sometimes a shelf: both are hits.
    read(contentsOf(await search(track.isrc, "all")), { foundBy: "isrc", filtered: false });
    if (sure()) return found;
  }
  const query = searchQuery(track);
  const songs = await search(query, "song");
  read(contentsOf(songs), { foundBy: "songs", filtered: true });
  if (sure()) return found;
  // A first page full of other cuts of the title may hide the right one on the next; a page with a few did not.
  const pageFull = nearMisses().length >= limit;
  if (pageFull) {
    // The rest of the page already fetched (YouTube Music sends 20) costs no request: read it before asking more.
    read(contentsOf(songs), { foundBy: "songs", filtered: true }, Number.POSITIVE_INFINITY);
    if (sure()) return found;
  }
  const byAlbum = albumQuery(track);
  if (byAlbum && nearMiss()) {
    read(contentsOf(await search(byAlbum, "song")), { foundBy: "songs", filtered: true });
    if (sure()) return found;
  }
  if (songs?.has_continuation && pageFull && requests < MAX_MUSIC_SEARCHES - 1) {
    const key = `next\n${query}`;
    const next =
      (session.answers.get(key) as Awaited<ReturnType<typeof songs.getContinuation>> | undefined) ??
      (await attempt(`second page of "${query}"`, () => songs.getContinuation()));
    if (next) session.answers.set(key, next);
    read(next?.contents ? [next.contents as never] : [], { foundBy: "songs", filtered: true });
    if (sure()) return found;
  }
  read(contentsOf(await search(query, "video")), { foundBy: "videos", filtered: true });
  session.log.debug(`"${query}": ${found.length} candidates from ${requests} searches`);
  if (errors.length === requests)
    throw errors.length === 1 ? errors[0] : new Error(errors.map((e) => e.message).join("; "));
  return found;
}

function contentsOf(result: MusicSearch | undefined): Contents | undefined {
  return result?.contents ? [...result.contents] : undefined;
}
