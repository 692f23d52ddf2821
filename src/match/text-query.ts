/** Reads a plain-text song query ("Artist - Title", "Title by Artist", "Title"); a source writes its own search for each reading. */

import type { TextReading } from "../plugins/api.ts";

/** One way of reading the user's text. */
export type TextQuery = TextReading;

/** A spaced dash (`-`, `–`, `—`) separates artist and title; `Jay-Z` keeps its own dash. */
const ARTIST_TITLE = /^(.+?)\s+[-–—]\s+(.+)$/;
/** The last ` by ` separates title and artist: `Stand by Me by Ben E. King`. */
const TITLE_BY_ARTIST = /^(.+)\s+by\s+(.+)$/i;

/** Trimmed, one space between words: what a query is compared and cached by. */
export function tidyQueryText(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/**
 * The readings of `text`, most specific first; a source searches them in turn and takes the first that finds a track.
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
