/**
 * Builds plain YouTube (WEB client) `/youtubei/v1/search` answers: twoColumnSearchResultsRenderer →
 * sectionListRenderer → itemSectionRenderer of videoRenderer items, the shape youtubei.js's Search parses
 * (youtubei.js 18.1.0 parser/youtube/Search.js and parser/classes/Video.js).
 */
import { durationText, type FakeVideo } from "./catalog.ts";

export const channelOf = (video: FakeVideo) =>
  video.channel ?? (video.kind === "song" ? `${video.artists[0] ?? "Unknown"} - Topic` : (video.artists[0] ?? ""));

function videoRenderer(video: FakeVideo) {
  const channel = channelOf(video);
  return {
    videoRenderer: {
      videoId: video.videoId,
      title: { runs: [{ text: video.title }] },
      ownerText: {
        runs: [
          {
            text: channel,
            navigationEndpoint: { browseEndpoint: { browseId: `UC${video.videoId}channelxx`, canonicalBaseUrl: "" } },
          },
        ],
      },
      lengthText: { simpleText: durationText(video.durationMs) },
      viewCountText: { simpleText: "1,234 views" },
      navigationEndpoint: { watchEndpoint: { videoId: video.videoId } },
    },
  };
}

export function webSearchResponse(videos: readonly FakeVideo[]) {
  return {
    responseContext: { visitorData: "VISITOR_DATA_PLACEHOLDER" },
    estimatedResults: String(videos.length),
    contents: {
      twoColumnSearchResultsRenderer: {
        primaryContents: {
          sectionListRenderer: { contents: [{ itemSectionRenderer: { contents: videos.map(videoRenderer) } }] },
        },
      },
    },
  };
}
