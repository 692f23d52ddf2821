/** Doctor check for YouTube Music: one plain GET of the InnerTube origin (or MUSICDL_YOUTUBE_ORIGIN), short timeout. */
import { describeCause } from "../../errors.ts";
import { type DoctorCheck, failed, passed } from "./check.ts";

export const YOUTUBE_MUSIC_ORIGIN = "https://music.youtube.com";
const TIMEOUT_MS = 5_000;

export async function checkYouTube(
  env: Readonly<Record<string, string | undefined>>,
  fetcher: typeof fetch = fetch,
): Promise<DoctorCheck> {
  const configured = env.MUSICDL_YOUTUBE_ORIGIN?.trim();
  let origin: string;
  try {
    origin = configured ? new URL(configured).origin : YOUTUBE_MUSIC_ORIGIN;
  } catch {
    return failed(
      "youtube",
      `MUSICDL_YOUTUBE_ORIGIN="${configured}" is not a URL`,
      "Use e.g. http://127.0.0.1:8080, or unset it.",
    );
  }
  let status: number;
  try {
    // Any HTTP answer proves the network path; redirects (consent pages) are answers too.
    const response = await fetcher(`${origin}/`, { redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const reason =
      error instanceof DOMException && error.name === "TimeoutError"
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : describeCause(error);
    return failed("youtube", `${origin} is unreachable: ${reason}`, "Check the network connection, proxy or firewall.");
  }
  if (status === 429) {
    return failed(
      "youtube",
      `${origin} answered 429: YouTube is rate-limiting this address`,
      "Wait an hour, or set cookies for the youtube-music plugin (docs/youtube.md).",
    );
  }
  if (status >= 500)
    return failed("youtube", `${origin} answered HTTP ${status}`, "YouTube is having trouble; try again later.");
  return passed("youtube", `${origin} answered (HTTP ${status})`);
}
