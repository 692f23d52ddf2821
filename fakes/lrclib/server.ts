/**
 * A fake LRCLIB (https://lrclib.net/docs) on 127.0.0.1: `GET /api/get` (exact signature: track, artist, album,
 * duration within 2 s, as LRCLIB matches) and `GET /api/search`, answered from a list of records with the real
 * field names. Reach it with MUSICDL_LRCLIB_URL=<url>. Every request is logged for assertions.
 */

/** One LRCLIB record, in LRCLIB's own JSON shape. */
export interface LrclibRecord {
  readonly id: number;
  readonly trackName: string;
  readonly artistName: string;
  readonly albumName: string;
  /** Seconds, as LRCLIB stores it. */
  readonly duration: number;
  readonly instrumental: boolean;
  readonly plainLyrics: string | null;
  readonly syncedLyrics: string | null;
}

export interface LrclibRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly userAgent: string | null;
}

export interface FakeLrclib {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly requests: LrclibRequest[];
  /** Lets the process exit while the server still runs (for a server shared by every test). */
  unref(): void;
  stop(): Promise<void>;
}

const fold = (text: string | undefined) => (text ?? "").trim().toLowerCase();

export function startFakeLrclib(records: readonly LrclibRecord[]): FakeLrclib {
  const requests: LrclibRequest[] = [];
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const url = new URL(request.url);
      const query = Object.fromEntries(url.searchParams);
      requests.push({ path: url.pathname, query, userAgent: request.headers.get("user-agent") });
      if (url.pathname === "/api/get") return answerGet(records, query);
      if (url.pathname === "/api/search") return Response.json(search(records, query));
      return Response.json({ code: 404, name: "NotFound", message: "Not found" }, { status: 404 });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    requests,
    unref: () => server.unref(),
    async stop() {
      await server.stop(true);
    },
  };
}

function answerGet(records: readonly LrclibRecord[], query: Record<string, string>): Response {
  if (!query.track_name || !query.artist_name) {
    return Response.json(
      { code: 400, name: "ValidationError", message: "track_name and artist_name are required" },
      {
        status: 400,
      },
    );
  }
  const duration = query.duration === undefined ? undefined : Number(query.duration);
  const found = records.find(
    (record) =>
      fold(record.trackName) === fold(query.track_name) &&
      fold(record.artistName) === fold(query.artist_name) &&
      (query.album_name === undefined || fold(record.albumName) === fold(query.album_name)) &&
      (duration === undefined || Math.abs(record.duration - duration) <= 2),
  );
  return found
    ? Response.json(found)
    : Response.json({ code: 404, name: "TrackNotFound", message: "Failed to find specified track" }, { status: 404 });
}

/** Substring search on the fields given, as LRCLIB's search narrows by each one. */
function search(records: readonly LrclibRecord[], query: Record<string, string>): LrclibRecord[] {
  const contains = (field: string, wanted: string | undefined) => !wanted || fold(field).includes(fold(wanted));
  return records.filter(
    (record) =>
      contains(`${record.trackName} ${record.artistName} ${record.albumName}`, query.q) &&
      contains(record.trackName, query.track_name) &&
      contains(record.artistName, query.artist_name) &&
      contains(record.albumName, query.album_name),
  );
}
