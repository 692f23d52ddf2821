/** Which pins are a YouTube provider's own: links to a video on its site (watch pages, youtu.be), or a bare video id. */
import type { PinnedRecording } from "musicdl/plugin";

/** Where a provider's videos live: the hosts of its links, and its watch page. */
export interface PinSite {
  /** Hosts without `www.` / `m.`: `music.youtube.com`, or `youtube.com` and `youtu.be`. */
  readonly hosts: readonly string[];
  /** The page a person opens for a video id: `https://music.youtube.com/watch?v=`. */
  readonly watchPage: string;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * `https://music.youtube.com/watch?v=<id>&si=…` for youtube-music, `https://youtu.be/<id>` or
 * `https://www.youtube.com/watch?v=<id>` for youtube, or a bare 11-character id for either (the first asked takes
 * it). The link is kept as written; a bare id gets the site's watch page.
 */
export function recognisePin(text: string, site: PinSite): PinnedRecording | null {
  const value = text.trim();
  if (VIDEO_ID.test(value)) return pinned(value, `${site.watchPage}${value}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  const host = url.hostname.replace(/^www\.|^m\./, "");
  if (!site.hosts.includes(host)) return null;
  const id = host === "youtu.be" ? url.pathname.slice(1) : (url.searchParams.get("v") ?? "");
  return VIDEO_ID.test(id) ? pinned(id, value) : null;
}

function pinned(id: string, url: string): PinnedRecording {
  // `pinned` marks the candidate as the user's word in the saved plan, as it always has been.
  return { id, url, data: { videoId: id, pinned: true } };
}
