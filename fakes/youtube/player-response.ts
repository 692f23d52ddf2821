/**
 * Builds `/youtubei/v1/player` answers following shared/fixtures/youtube-music/player.json (OK, direct URLs,
 * adaptiveFormats with 251 opus/webm and 140 aac/mp4 plus a video-only format) and the player-unplayable-* /
 * player-login-required.json playabilityStatus shapes.
 */
import type { FakeVideo } from "./catalog.ts";

/** What the fake knows about one generated audio file. */
export interface FakeAudioFile {
  readonly itag: 251 | 140;
  readonly sizeBytes: number;
}

const DEFAULT_REASONS = {
  UNPLAYABLE: "This video is only available to Music Premium members",
  LOGIN_REQUIRED: "This video is private",
} as const;

/** Media URLs name a googlevideo host like the real ones, so they travel through MUSICDL_YOUTUBE_ORIGIN too. */
export const MEDIA_HOST = "rr1---sn-fake0000.googlevideo.com";

function audioFormat(video: FakeVideo, file: FakeAudioFile) {
  const seconds = video.audioSeconds ?? 3;
  const clen = file.sizeBytes + (video.clenDelta ?? 0);
  const opus = file.itag === 251;
  const mime = opus ? 'audio/webm; codecs="opus"' : 'audio/mp4; codecs="mp4a.40.2"';
  const query = new URLSearchParams({
    id: video.videoId,
    itag: String(file.itag),
    source: "youtube",
    mime: opus ? "audio/webm" : "audio/mp4",
    clen: String(clen),
    dur: seconds.toFixed(3),
    c: "VISIONOS",
    sig: "SIGNATURE_PLACEHOLDER",
  });
  const bitrate = Math.round((file.sizeBytes * 8) / seconds);
  return {
    itag: file.itag,
    url: `https://${MEDIA_HOST}/videoplayback?${query}`,
    mimeType: mime,
    bitrate: bitrate + 1000,
    averageBitrate: bitrate,
    contentLength: String(clen),
    lastModified: "1777719914748070",
    quality: "tiny",
    projectionType: "RECTANGULAR",
    audioQuality: "AUDIO_QUALITY_MEDIUM",
    approxDurationMs: String(seconds * 1000),
    audioSampleRate: opus ? "48000" : "44100",
    audioChannels: 1,
  };
}

/** A video-only format, so a client that picks "best" without looking would take the wrong stream. */
function videoOnlyFormat(video: FakeVideo) {
  return {
    itag: 243,
    url: `https://${MEDIA_HOST}/videoplayback?id=${video.videoId}&itag=243&clen=999999`,
    mimeType: 'video/webm; codecs="vp9"',
    bitrate: 500000,
    width: 640,
    height: 360,
    contentLength: "999999",
    quality: "medium",
    qualityLabel: "360p",
    approxDurationMs: "3000",
  };
}

export function playerResponse(video: FakeVideo, files: readonly FakeAudioFile[]) {
  const status = video.playability ?? "OK";
  const videoDetails = {
    videoId: video.videoId,
    title: video.title,
    lengthSeconds: String(Math.round(video.durationMs / 1000)),
    channelId: `UC${video.videoId}channelxx`,
    author: video.artists[0] ?? "",
    isPrivate: false,
    isLiveContent: false,
  };
  if (status !== "OK") {
    const reason = video.reason ?? DEFAULT_REASONS[status];
    return {
      playabilityStatus: {
        status,
        reason,
        errorScreen: { playerErrorMessageRenderer: { reason: { runs: [{ text: reason }] } } },
      },
      ...(status === "LOGIN_REQUIRED" ? {} : { videoDetails }),
    };
  }
  return {
    playabilityStatus: { status: "OK", playableInEmbed: true },
    videoDetails,
    streamingData: {
      expiresInSeconds: "21540",
      adaptiveFormats: [videoOnlyFormat(video), ...files.map((file) => audioFormat(video, file))],
    },
  };
}
