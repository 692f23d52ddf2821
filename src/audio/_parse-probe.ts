/** Turns ffprobe's JSON, or `ffmpeg -i`'s banner when there is no ffprobe, into an AudioProbe. Pure. */

export interface AudioProbe {
  /** ffmpeg's codec name: `opus`, `aac`, `mp3`, `vorbis`, `flac`, `pcm_s16le`… */
  readonly codec: string;
  /** Short container name: `webm`, `mp4`, `ogg`, `mp3`, `flac`, `wav`… */
  readonly container: string;
  readonly bitrateKbps?: number;
  readonly durationMs: number;
  readonly sampleRate?: number;
  readonly channels?: number;
}

/** ffmpeg names demuxers by family (`mov,mp4,m4a,3gp,3g2,mj2`); callers want the one word a file extension uses. */
export function shortContainerName(formatName: string): string {
  const first = formatName.split(",")[0]?.trim() ?? formatName;
  if (first === "mov") return "mp4";
  if (first === "matroska") return "webm"; // the same demuxer; YouTube's audio comes as webm
  return first;
}

interface FfprobeJson {
  streams?: { codec_name?: string; bit_rate?: string; sample_rate?: string; channels?: number; duration?: string }[];
  format?: { format_name?: string; bit_rate?: string; duration?: string };
}

export function parseFfprobeJson(json: string): AudioProbe | null {
  const data = JSON.parse(json) as FfprobeJson;
  const stream = data.streams?.[0];
  if (!stream?.codec_name || !data.format?.format_name) return null;
  const durationS = Number(data.format.duration ?? stream.duration);
  const bitrate = Number(stream.bit_rate ?? data.format.bit_rate);
  const sampleRate = Number(stream.sample_rate);
  return {
    codec: stream.codec_name,
    container: shortContainerName(data.format.format_name),
    ...(bitrate > 0 ? { bitrateKbps: Math.round(bitrate / 1000) } : {}),
    durationMs: Number.isFinite(durationS) ? Math.round(durationS * 1000) : 0,
    ...(sampleRate > 0 ? { sampleRate } : {}),
    ...(stream.channels ? { channels: stream.channels } : {}),
  };
}

const CHANNEL_LAYOUTS: Record<string, number> = { mono: 1, stereo: 2, "2.1": 3, quad: 4, "5.0": 5, "5.1": 6, "7.1": 8 };

/**
 * Reads `Input #0, ogg, from …`, `Duration: 00:03:12.01, …, bitrate: 75 kb/s` and
 * `Stream #0:0(eng): Audio: opus, 48000 Hz, stereo, fltp, 160 kb/s` from ffmpeg's stderr.
 */
export function parseFfmpegInfo(stderr: string): AudioProbe | null {
  const input = /^Input #0, (.+?), from /m.exec(stderr);
  const audio = /Stream #0:\d+.*?: Audio: ([\w-]+)([^\n]*)/.exec(stderr);
  if (!input?.[1] || !audio?.[1]) return null;
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  const durationMs = duration
    ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000)
    : 0;
  const details = audio[2] ?? "";
  const streamBitrate = /(\d+) kb\/s/.exec(details)?.[1];
  const overallBitrate = /Duration: [^\n]*bitrate: (\d+) kb\/s/.exec(stderr)?.[1];
  const bitrate = Number(streamBitrate ?? overallBitrate);
  const sampleRate = Number(/(\d+) Hz/.exec(details)?.[1]);
  const layout = /Hz, ([\w.]+)/.exec(details)?.[1] ?? "";
  const channels = CHANNEL_LAYOUTS[layout] ?? (Number(/(\d+) channels/.exec(details)?.[1]) || undefined);
  return {
    codec: audio[1],
    container: shortContainerName(input[1]),
    ...(bitrate > 0 ? { bitrateKbps: bitrate } : {}),
    durationMs,
    ...(sampleRate > 0 ? { sampleRate } : {}),
    ...(channels ? { channels } : {}),
  };
}
