/**
 * Pins: a user's lasting correction of a pick. A pin names the provider's recording to take for a Spotify track
 * (a YouTube / YouTube Music link, `provider:id`, or a bare video id); `skip` means "never download this track".
 * Pinned and skipped tracks are never searched.
 */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";

export type PinTarget =
  | { readonly kind: "skip" }
  | { readonly kind: "pin"; readonly provider?: string; readonly id: string; readonly url?: string };

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** Reads what a user wrote after `--pin` or in `download.pins`; null when it names nothing musicdl can fetch. */
export function parsePinTarget(text: string): PinTarget | null {
  const value = text.trim();
  if (value.toLowerCase() === "skip") return { kind: "skip" };
  if (VIDEO_ID.test(value)) return { kind: "pin", id: value };
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && /^https?:$/.test(url.protocol)) {
    const host = url.hostname.replace(/^www\.|^m\./, "");
    const id = host === "youtu.be" ? url.pathname.slice(1) : (url.searchParams.get("v") ?? "");
    if (!VIDEO_ID.test(id)) return null;
    if (host === "music.youtube.com") return { kind: "pin", provider: "youtube-music", id, url: value };
    if (host === "youtube.com" || host === "youtu.be") return { kind: "pin", provider: "youtube", id, url: value };
    return null;
  }
  const named = /^([a-z][a-z0-9-]*):(.+)$/.exec(value);
  return named?.[1] && named[2] ? { kind: "pin", provider: named[1], id: named[2] } : null;
}

/** The candidate a pin stands for: the track's own metadata, since the pin's recording is the user's word. */
export function pinnedCandidate(
  track: TrackMeta,
  pin: Extract<PinTarget, { kind: "pin" }>,
  providers: readonly string[],
): AudioCandidate {
  const provider = pin.provider ?? providers[0] ?? "youtube-music";
  const url =
    pin.url ??
    (provider === "youtube"
      ? `https://www.youtube.com/watch?v=${pin.id}`
      : provider === "youtube-music"
        ? `https://music.youtube.com/watch?v=${pin.id}`
        : `${provider}:${pin.id}`);
  return {
    provider,
    id: pin.id,
    title: track.title,
    artists: track.artists,
    durationMs: track.durationMs,
    kind: "song",
    url,
    data: { videoId: pin.id, pinned: true },
  };
}
