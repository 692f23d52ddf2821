/** `download()` for both YouTube providers: player request, playability check, audio stream choice, ranged transfer. */
import { rename, stat } from "node:fs/promises";
import { join } from "node:path";
import type { AudioCandidate, DownloadedAudio, DownloadOptions } from "musicdl/plugin";
import { Constants, type YT } from "youtubei.js";
import { type AudioChoice, pickAudioFormat, type StreamFormat } from "./audio-format.ts";
import { describeInnertubeError } from "./innertube-errors.ts";
import { assertPlayable } from "./playability.ts";
import { downloadRanged } from "./ranged-download.ts";
import type { YouTubeSession } from "./session.ts";

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

type YouTubeFormat = NonNullable<YT.VideoInfo["streaming_data"]>["adaptive_formats"][number];

function toStreamFormat(format: YouTubeFormat): StreamFormat {
  return {
    itag: format.itag,
    mimeType: format.mime_type,
    bitrate: format.bitrate,
    averageBitrate: format.average_bitrate,
    contentLength: format.content_length,
    hasAudio: format.has_audio,
    hasVideo: format.has_video,
    isDrc: !!format.is_drc,
    url: format.url,
  };
}

/** The announced length: `contentLength`, or the `clen` parameter every googlevideo URL carries. */
function announcedBytes(format: StreamFormat, url: URL): number | undefined {
  if (format.contentLength) return format.contentLength;
  const clen = Number(url.searchParams.get("clen"));
  return clen > 0 ? clen : undefined;
}

/** Headers a browser-like client of `client` would send for media; googlevideo checks the User-Agent for some. */
function mediaHeaders(client: string): Record<string, string> {
  const clients = Constants.CLIENTS as Record<string, { USER_AGENT?: string }>;
  const userAgent = clients[client]?.USER_AGENT;
  return { ...Constants.STREAM_HEADERS, ...(userAgent ? { "User-Agent": userAgent } : {}) };
}

export async function downloadYouTubeAudio(
  session: YouTubeSession,
  pluginName: string,
  candidate: AudioCandidate,
  tempDir: string,
  opts: DownloadOptions,
): Promise<DownloadedAudio> {
  const videoId = candidate.id;
  if (!VIDEO_ID.test(videoId)) throw new Error(`"${videoId}" is not a YouTube video id`);
  const { options, youtubeFetch } = session;
  const yt = await session.innertube();
  const info = await youtubeFetch
    .withSignal(opts.signal, () => yt.getBasicInfo(videoId, { client: options.client }))
    .catch((error: unknown) => {
      if (opts.signal?.aborted) throw opts.signal.reason;
      throw describeInnertubeError(error, `player request for ${videoId}`);
    });
  assertPlayable(videoId, info.playability_status, pluginName);
  const choice = pickAudioFormat((info.streaming_data?.adaptive_formats ?? []).map(toStreamFormat), opts.format);
  if (!choice) throw new Error(`YouTube lists no audio-only Opus or AAC stream for ${videoId}`);
  if (!choice.format.url) {
    throw new Error(
      `the ${options.client} client answered with a ciphered stream URL for ${videoId}, which needs YouTube's JS ` +
        `player; set plugins.${pluginName}.client to VISIONOS, ANDROID_VR or IOS`,
    );
  }
  const url = new URL(choice.format.url);
  // A proof-of-origin token goes on media URLs as `pot` (what yt-dlp does for GVS requests).
  if (options.po_token !== undefined && !url.searchParams.has("pot")) url.searchParams.set("pot", options.po_token);
  const expectedBytes = announcedBytes(choice.format, url);
  const base = join(tempDir, `${videoId}.${choice.format.itag}`);
  // The announced length is in the partial's name, so a stream that changed since is never resumed into.
  const partFile = `${base}.${expectedBytes ?? "unknown"}.part`;
  const file = `${base}.${choice.container === "webm" ? "webm" : "m4a"}`;
  // A run killed right after the rename below left a complete file: reuse it rather than fetch it again.
  const finished =
    expectedBytes === undefined
      ? 0
      : await stat(file).then(
          (info) => info.size,
          () => 0,
        );
  if (finished > 0 && finished === expectedBytes) return { file, sizeBytes: finished, ...describeChoice(choice) };
  const sizeBytes = await downloadRanged({
    url: url.href,
    partFile,
    expectedBytes,
    chunkBytes: options.chunk_bytes,
    fetch: youtubeFetch.fetch,
    headers: mediaHeaders(options.client),
    signal: opts.signal,
  });
  await rename(partFile, file);
  session.log.debug(`downloaded ${videoId} itag ${choice.format.itag} (${sizeBytes} bytes)`);
  return { file, sizeBytes, ...describeChoice(choice) };
}

function describeChoice(choice: AudioChoice): Pick<DownloadedAudio, "codec" | "container" | "bitrateKbps"> {
  const bitsPerSecond = choice.format.averageBitrate ?? choice.format.bitrate;
  return { codec: choice.codec, container: choice.container, bitrateKbps: Math.round(bitsPerSecond / 1000) };
}
