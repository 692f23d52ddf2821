/** LRCLIB records for a fake Spotify catalog: synced lyrics whose lines say which track they belong to. */
import type { Catalog, CatalogTrack } from "../spotify/catalog.ts";
import type { LrclibRecord } from "./server.ts";

/** What LRCLIB holds for one track: synced (with plain), plain only, instrumental, or nothing. */
export type LyricsKind = "synced" | "plain" | "instrumental" | "none";

/** Three timed lines per track, `[mm:ss.xx] …`, in time order, naming the track so a test sees whose they are. */
export function syncedLinesOf(title: string): string[] {
  return [
    `[00:00.50] First line of ${title}`,
    `[00:01.20] Second line of ${title}`,
    `[00:02.05] Last line of ${title}`,
  ];
}

export function recordsFor(catalog: Catalog, kindOf: (track: CatalogTrack) => LyricsKind): LrclibRecord[] {
  const records: LrclibRecord[] = [];
  for (const track of catalog.tracks.values()) {
    const kind = kindOf(track);
    if (kind === "none") continue;
    const synced = syncedLinesOf(track.name);
    const plain = synced.map((line) => line.replace(/^\[[^\]]*\]\s*/, "")).join("\n");
    records.push({
      id: records.length + 1,
      trackName: track.name,
      artistName: catalog.artists.get(track.artistIds[0] ?? "")?.name ?? "Unknown",
      albumName: catalog.albums.get(track.albumId)?.name ?? "",
      duration: Math.round(track.durationMs / 1000),
      instrumental: kind === "instrumental",
      plainLyrics: kind === "instrumental" ? null : plain,
      syncedLyrics: kind === "synced" ? synced.join("\n") : null,
    });
  }
  return records;
}

/** The demo's LRCLIB for the small catalog: synced lyrics for every song but "Undertow", an instrumental. */
export function smallCatalogLyrics(track: CatalogTrack): LyricsKind {
  return track.name === "Undertow" ? "instrumental" : "synced";
}
