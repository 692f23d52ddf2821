/** `musicdl doctor`'s question to YouTube Music: does its origin (or MUSICDL_YOUTUBE_ORIGIN) answer? One GET. */
import type { CallOptions, PluginCheck } from "musicdl/plugin";
import type { YouTubeSession } from "./session.ts";

export const YOUTUBE_MUSIC_ORIGIN = "https://music.youtube.com";
const TIMEOUT_MS = 5_000;
/** The id `doctor --json` readers know this check by. */
const NAME = "youtube";

export async function checkYouTubeReachable(session: YouTubeSession, opts: CallOptions): Promise<PluginCheck> {
  const origin = session.origin ?? YOUTUBE_MUSIC_ORIGIN;
  let status: number;
  try {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    // Any HTTP answer proves the network path; redirects (consent pages) are answers too. The session's fetch
    // sends it to MUSICDL_YOUTUBE_ORIGIN when that is set, as every other request of the run.
    const response = await session.youtubeFetch.fetch(`${YOUTUBE_MUSIC_ORIGIN}/`, { redirect: "manual", signal });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const reason =
      error instanceof DOMException && error.name === "TimeoutError"
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error);
    return failed(`${origin} is unreachable: ${reason}`, "Check the network connection, proxy or firewall.");
  }
  if (status === 429) {
    return failed(
      `${origin} answered 429: YouTube is rate-limiting this address`,
      "Wait an hour, or set cookies for the youtube-music plugin (docs/youtube.md).",
    );
  }
  if (status >= 500) return failed(`${origin} answered HTTP ${status}`, "YouTube is having trouble; try again later.");
  return { name: NAME, status: "ok", summary: `${origin} answered (HTTP ${status})` };
}

function failed(summary: string, fix: string): PluginCheck {
  return { name: NAME, status: "fail", summary, fix };
}
