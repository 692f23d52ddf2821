/** Turns plain YouTube search results (Video nodes) into AudioCandidates: every one is a `video`. */
import type { AudioCandidate } from "musicdl/plugin";
import { type Helpers, YTNodes } from "youtubei.js";

/** Auto-generated artist channels are called "Artist - Topic"; the artist is the part before. */
export const artistFromChannel = (channel: string) => channel.replace(/\s+-\s+Topic$/i, "").trim();

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
      kind: "video",
      url: `https://www.youtube.com/watch?v=${id}`,
      data: { videoId: id, channel: node.author?.name ?? null },
    });
  }
  return out;
}
