/** Tells plain text meant as a search ("Artist - Title") from a broken or foreign link, which stays an error. */

/** Longer than this is a pasted blob, not a song; it is refused rather than sent to a source's search. */
export const MAX_TEXT_QUERY_LENGTH = 200;

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `example.com/track/…`, `www.example.org/…`, `ex.am/x`: a host and a path, without the scheme. */
const BARE_HOST = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*$/i;
/** `site:trak:…`, `site:…`: a URI-like word and a colon with no space after it. */
const URI_LIKE = /^[a-z][a-z0-9+.-]*:\S/i;

export type PlainTextCheck = { readonly query: true } | { readonly query: false; readonly message?: string };

/**
 * Plain text is a query unless it looks like a link (a scheme, a `host/path`, a URI) or cannot be a song's name (too
 * long, several lines, a leading `-`). A source's own id written alone is for the source to refuse (`refuse`).
 */
export function checkPlainText(text: string): PlainTextCheck {
  if (URL_SCHEME.test(text) || BARE_HOST.test(text) || URI_LIKE.test(text)) return { query: false };
  // `-x` is an option given after `--`, not a song.
  if (text.length > MAX_TEXT_QUERY_LENGTH || /[\r\n]/.test(text) || text.startsWith("-")) return { query: false };
  return { query: true };
}
