/**
 * The `lrclib` lyrics plugin: synced lyrics (plain as a fallback) from LRCLIB's public API, which needs no key.
 * MUSICDL_LRCLIB_URL points it elsewhere (a mirror, the offline fake); its requests go through the shared HTTP
 * client, so the provider rate limit paces them, and carry the user agent LRCLIB asks clients to send.
 */
import type { LyricsAnswer, LyricsPlugin, PluginContext, TrackMeta } from "musicdl/plugin";
import { hasText, lookUpRecord, type LrclibRecord } from "./lookup.ts";
import { parseLrc, plainTextOf } from "./parse-lrc.ts";

export const LRCLIB_URL_ENV = "MUSICDL_LRCLIB_URL";
const DEFAULT_URL = "https://lrclib.net";

/** Checks MUSICDL_LRCLIB_URL; a typo should stop the run, not silently reach the real LRCLIB. */
export function lrclibBaseUrl(value: string | undefined): string {
  if (value === undefined || value.trim() === "") return DEFAULT_URL;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${LRCLIB_URL_ENV}="${value}" is not a URL; use e.g. http://127.0.0.1:8080`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${LRCLIB_URL_ENV} must be an http:// or https:// URL, not "${value}"`);
  }
  return url.href.replace(/\/+$/, "/");
}

/** LRCLIB's record as musicdl's answer: instrumental, synced (with its plain text), plain, or a miss. */
export function answerOf(record: LrclibRecord | null): LyricsAnswer | null {
  if (!record) return null;
  if (record.instrumental === true) return { instrumental: true };
  const synced = hasText(record.syncedLyrics) ? parseLrc(record.syncedLyrics) : [];
  const plain = hasText(record.plainLyrics) ? record.plainLyrics.trim() : plainTextOf(synced);
  if (synced.length > 0) return { instrumental: false, lyrics: { plain: plain || plainTextOf(synced), synced } };
  return plain ? { instrumental: false, lyrics: { plain } } : null;
}

export default (ctx: PluginContext) => {
  const baseUrl = lrclibBaseUrl(process.env[LRCLIB_URL_ENV]);
  // LRCLIB asks every client to name itself and where to find it (https://lrclib.net/docs).
  const userAgent = `musicdl/${ctx.musicdlVersion} (https://github.com/musicdl/musicdl)`;

  async function lyrics(track: TrackMeta, opts: { signal?: AbortSignal }): Promise<LyricsAnswer | null> {
    opts.signal?.throwIfAborted();
    const record = await lookUpRecord(track, {
      baseUrl,
      userAgent,
      http: ctx.http,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    return answerOf(record);
  }

  return {
    apiVersion: 1,
    kind: "lyrics",
    name: "lrclib",
    description: "Synced lyrics (plain as a fallback) from LRCLIB, lrclib.net",
    lyrics,
  } satisfies LyricsPlugin;
};
