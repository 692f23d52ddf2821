/** Reads a Netscape cookies.txt (the format browser extensions and yt-dlp export) into a Cookie header for YouTube. */
import { readFile } from "node:fs/promises";

interface CookieLine {
  readonly domain: string;
  readonly name: string;
  readonly value: string;
  /** Seconds since the epoch; 0 is a session cookie. */
  readonly expires: number;
}

/** `#HttpOnly_` marks HttpOnly cookies in curl/yt-dlp exports; the rest of the line is an ordinary cookie. */
const HTTP_ONLY_PREFIX = "#HttpOnly_";

function parseLine(line: string): CookieLine | null {
  const text = line.startsWith(HTTP_ONLY_PREFIX) ? line.slice(HTTP_ONLY_PREFIX.length) : line;
  if (text.trim() === "" || text.startsWith("#")) return null;
  const fields = text.replace(/\r$/, "").split("\t");
  if (fields.length < 7) return null;
  const [domain, , , , expires, name, value] = fields as [string, string, string, string, string, string, string];
  return { domain: domain.replace(/^\./, "").toLowerCase(), name, value, expires: Number(expires) || 0 };
}

/**
 * The `Cookie` header value for youtube.com from cookies.txt text: only youtube.com cookies, none expired.
 * Returns undefined when no cookie applies.
 */
export function cookieHeaderFromNetscape(text: string, nowMs: number = Date.now()): string | undefined {
  const pairs = new Map<string, string>();
  for (const line of text.split("\n")) {
    const cookie = parseLine(line);
    if (!cookie) continue;
    if (cookie.domain !== "youtube.com" && !cookie.domain.endsWith(".youtube.com")) continue;
    if (cookie.expires !== 0 && cookie.expires * 1000 < nowMs) continue;
    pairs.set(cookie.name, cookie.value);
  }
  if (pairs.size === 0) return undefined;
  return [...pairs].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Loads the file; the error names the path but never the contents (they are credentials). */
export async function loadCookieHeader(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new Error(`cookies file ${path} cannot be read (${code})`);
  }
  const header = cookieHeaderFromNetscape(text);
  if (header === undefined) throw new Error(`cookies file ${path} holds no unexpired youtube.com cookies`);
  return header;
}
