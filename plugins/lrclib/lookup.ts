/**
 * Asks LRCLIB for one track: `GET /api/get` with the exact signature (artist, title, album, duration), then
 * `GET /api/search` by title and artist when that misses (another album's copy of the same song), keeping only a
 * result whose title, artist and duration (±2 s, LRCLIB's own tolerance) agree.
 */
import type { HttpClient, TrackMeta } from "musicdl/plugin";

/** The fields of an LRCLIB record musicdl reads (https://lrclib.net/docs). */
export interface LrclibRecord {
  readonly trackName?: string;
  readonly artistName?: string;
  readonly duration?: number;
  readonly instrumental?: boolean;
  readonly plainLyrics?: string | null;
  readonly syncedLyrics?: string | null;
}

export interface LookupOptions {
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly http: HttpClient;
  readonly signal?: AbortSignal;
}

const DURATION_TOLERANCE_S = 2;

export async function lookUpRecord(track: TrackMeta, options: LookupOptions): Promise<LrclibRecord | null> {
  const artist = track.artists[0] ?? "";
  const durationS = Math.round(track.durationMs / 1000);
  const exact = await getJson(options, "/api/get", {
    artist_name: artist,
    track_name: track.title,
    album_name: track.album.name,
    duration: String(durationS),
  });
  if (exact !== null) return exact as LrclibRecord;
  const found = await getJson(options, "/api/search", { track_name: track.title, artist_name: artist });
  const candidates = (Array.isArray(found) ? (found as LrclibRecord[]) : []).filter((record) =>
    isSameRecording(record, track, durationS),
  );
  return (
    candidates.find((record) => hasText(record.syncedLyrics)) ??
    candidates.find((record) => hasText(record.plainLyrics)) ??
    candidates.find((record) => record.instrumental === true) ??
    null
  );
}

function isSameRecording(record: LrclibRecord, track: TrackMeta, durationS: number): boolean {
  if (typeof record.duration !== "number" || Math.abs(record.duration - durationS) > DURATION_TOLERANCE_S) return false;
  const artist = fold(record.artistName);
  return fold(record.trackName) === fold(track.title) && track.artists.some((name) => artist.includes(fold(name)));
}

const fold = (text: string | undefined) => (text ?? "").normalize("NFKC").trim().toLowerCase();

export function hasText(text: string | null | undefined): text is string {
  return typeof text === "string" && text.trim() !== "";
}

/** The JSON answer, or null for LRCLIB's 404 ("TrackNotFound"); any other status is an error. */
async function getJson(options: LookupOptions, path: string, query: Record<string, string>): Promise<unknown> {
  const url = new URL(path, options.baseUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await options.http.fetch(url, {
    headers: { "user-agent": options.userAgent, accept: "application/json" },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`LRCLIB answered ${response.status} ${response.statusText} for ${url.pathname}`);
  }
  return response.json();
}
