/**
 * Turns plain YouTube search results (Video nodes) into AudioCandidates. An upload of an auto-generated
 * "Artist - Topic" channel is the release's audio track (YouTube Music's ATV song), so it is a `song` and is held
 * to a song's length discipline; everything else is a `video`.
 */
import type { AudioCandidate } from "musicdl/plugin";
import { type Helpers, YTNodes } from "youtubei.js";

/** Auto-generated artist channels are called "Artist - Topic"; the artist is the part before. */
const TOPIC_CHANNEL = /\s+-\s+Topic$/i;
export const artistFromChannel = (channel: string) => channel.replace(TOPIC_CHANNEL, "").trim();

export function candidatesFromVideos(results: readonly Helpers.YTNode[], provider: string): AudioCandidate[] {
  const out: AudioCandidate[] = [];
  for (const node of results) {
    if (!node.is(YTNodes.Video)) continue;
    const id = node.video_id;
    const title = node.title.toString().trim();
    const seconds = node.duration.seconds;
    // Live streams and premieres have no length; nothing to score them on.
    if (!id || !title || !seconds || node.is_live || node.is_upcoming) continue;
    const channel = node.author?.name && node.author.name !== "N/A" ? artistFromChannel(node.author.name) : "";
    out.push({
      provider,
      id,
      title,
      artists: channel ? [channel] : [],
      durationMs: seconds * 1000,
      kind: TOPIC_CHANNEL.test(node.author?.name ?? "") ? "song" : "video",
      url: `https://www.youtube.com/watch?v=${id}`,
      data: { videoId: id, channel: node.author?.name ?? null },
    });
  }
  return out;
}
