/** Spotify's search `q` for one reading of the user's text (field filters, Spotify's search syntax). */
import type { TextReading } from "musicdl/plugin";

/** A field filter's value: quoted so several words stay one phrase; the user's own quotes would end it early. */
function field(name: string, value: string): string {
  return `${name}:"${value.replace(/"/g, " ").replace(/\s+/g, " ").trim()}"`;
}

/**
 * Spotify's `q` for a reading: `track:"YYZ" artist:"Rush"` (field filters, Spotify's search syntax), so an artist
 * sharing a word with the title does not crowd the answer.
 */
export function spotifyQueryOf(query: TextReading): string {
  const title = field("track", query.title);
  return query.artist ? `${title} ${field("artist", query.artist)}` : title;
}
