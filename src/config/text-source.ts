/** Tells plain text meant as a search ("Artist - Title") from a broken or foreign link, which stays an error. */
import { quoteText } from "./findings.ts";

/** Longer than this is a pasted blob, not a song; it is refused rather than sent to Spotify search. */
export const MAX_TEXT_QUERY_LENGTH = 200;

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `open.spotify.com/track/…`, `www.example.com/watch?…`, `example.org/x`: a host and a path, without the scheme. */
const BARE_HOST = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*$/i;
/** `spotify:trak:…`, `youtube:…`: a URI-like word and a colon with no space after it. */
const URI_LIKE = /^[a-z][a-z0-9+.-]*:\S/i;
/** A Spotify id on its own: 22 letters and digits, mixed case. */
const BARE_ID = /^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{22}$/;

export type PlainTextCheck = { readonly query: true } | { readonly query: false; readonly message?: string };

/**
 * Plain text is a query unless it looks like a link (a scheme, a `host/path`, a URI, a bare Spotify id) or cannot
 * be a song's name (too long, several lines, a leading `-`). `message` is set when there is more to say than "not a link".
 */
export function checkPlainText(text: string): PlainTextCheck {
  if (URL_SCHEME.test(text) || BARE_HOST.test(text) || URI_LIKE.test(text)) return { query: false };
  if (BARE_ID.test(text)) {
    return {
      query: false,
      message: `${quoteText(text)} looks like a Spotify id on its own; write it as a link, https://open.spotify.com/track/${text} (or album/, playlist/, artist/).`,
    };
  }
  // `-x` is an option given after `--`, not a song.
  if (text.length > MAX_TEXT_QUERY_LENGTH || /[\r\n]/.test(text) || text.startsWith("-")) return { query: false };
  return { query: true };
}
