/**
 * Chooses the audio-only stream of a player response for the target format: AAC for m4a and Opus for opus (each
 * copied as it is, no second lossy generation), otherwise the best stream: Opus in WebM first, then AAC in MP4.
 */

/** The fields of an adaptive format that the choice and the download need (youtubei.js `Format`, flattened). */
export interface StreamFormat {
  readonly itag: number;
  readonly mimeType: string;
  readonly bitrate: number;
  readonly averageBitrate?: number;
  readonly contentLength?: number;
  readonly hasAudio: boolean;
  readonly hasVideo: boolean;
  /** Dynamic-range-compressed variant (e.g. "251-drc"); the plain one sounds as released. */
  readonly isDrc: boolean;
  /** Absent when the URL is hidden in a signatureCipher. */
  readonly url?: string;
}

export interface AudioChoice {
  readonly format: StreamFormat;
  readonly codec: "opus" | "aac";
  readonly container: "webm" | "mp4";
}

function codecOf(format: StreamFormat): AudioChoice["codec"] | null {
  const mime = format.mimeType.toLowerCase();
  if (mime.startsWith("audio/webm") && mime.includes("opus")) return "opus";
  if (mime.startsWith("audio/mp4") && mime.includes("mp4a")) return "aac";
  return null;
}

/**
 * Opus (itag 251-like) beats AAC (140-like) at equal bitrate and keeps stream-copy to .opus possible; for m4a
 * the AAC stream (140, or 141 for a Premium session) comes first. Within a codec the higher bitrate wins. Not youtubei.js's `chooseFormat`: with `{codec:'opus'}` and no `format` it
 * throws, and its `format:'any'` ranking depends on bitrates that vary per video (fixtures README §1).
 */
export function pickAudioFormat(formats: readonly StreamFormat[], target?: string): AudioChoice | null {
  const wanted: AudioChoice["codec"] = target === "m4a" ? "aac" : "opus";
  const audioOnly = formats
    .filter((format) => format.hasAudio && !format.hasVideo)
    .map((format) => ({ format, codec: codecOf(format) }))
    .filter((entry): entry is { format: StreamFormat; codec: AudioChoice["codec"] } => entry.codec !== null);
  const rank = (entry: { format: StreamFormat; codec: AudioChoice["codec"] }) => [
    entry.codec === wanted ? 1 : 0,
    entry.format.isDrc ? 0 : 1,
    entry.format.averageBitrate ?? entry.format.bitrate,
  ];
  const best = audioOnly.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (rb[i] ?? 0) - (ra[i] ?? 0);
    return 0;
  })[0];
  if (!best) return null;
  return { format: best.format, codec: best.codec, container: best.codec === "opus" ? "webm" : "mp4" };
}
