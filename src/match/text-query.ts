/** Reads a plain-text song query ("Artist - Title", "Title by Artist", "Title") and writes Spotify's `q` for it. */

/** One way of reading the user's text. */
export interface TextQuery {
  /** The text as written, trimmed and with runs of spaces collapsed. */
  readonly text: string;
  readonly title: string;
  /** Absent for a bare title. */
  readonly artist?: string;
  readonly form: "artist-title" | "title-by-artist" | "title";
}

/** A spaced dash (`-`, `–`, `—`) separates artist and title; `Jay-Z` keeps its own dash. */
const ARTIST_TITLE = /^(.+?)\s+[-–—]\s+(.+)$/;
/** The last ` by ` separates title and artist: `Stand by Me by Ben E. King`. */
const TITLE_BY_ARTIST = /^(.+)\s+by\s+(.+)$/i;

/** Trimmed, one space between words: what a query is compared and cached by. */
export function tidyQueryText(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/**
 * The readings of `text`, most specific first; the resolver takes the first that finds a track.
 * `Artist - Title` has one reading. `Title by Artist` has two, since "Stand by Me" is a bare title. Anything else
 * is a bare title.
 */
export function readTextQuery(raw: string): TextQuery[] {
  const text = tidyQueryText(raw);
  const dashed = ARTIST_TITLE.exec(text);
  if (dashed?.[1] && dashed[2]) return [{ text, artist: dashed[1], title: dashed[2], form: "artist-title" }];
  const by = TITLE_BY_ARTIST.exec(text);
  const bare: TextQuery = { text, title: text, form: "title" };
  if (by?.[1] && by[2]) return [{ text, title: by[1], artist: by[2], form: "title-by-artist" }, bare];
  return [bare];
}

/** A field filter's value: quoted so several words stay one phrase; the user's own quotes would end it early. */
function field(name: string, value: string): string {
  return `${name}:"${value.replace(/"/g, " ").replace(/\s+/g, " ").trim()}"`;
}

/**
 * Spotify's `q` for a reading: `track:"YYZ" artist:"Rush"` (field filters, Spotify's search syntax), so an artist
 * sharing a word with the title does not crowd the answer.
 */
export function spotifyQueryOf(query: TextQuery): string {
  const title = field("track", query.title);
  return query.artist ? `${title} ${field("artist", query.artist)}` : title;
}
