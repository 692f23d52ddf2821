/**
 * What the Spotify source says about input before it is resolved: the config list each link or keyword is read
 * from, why a link meant for Spotify cannot be read (malformed, a podcast, a keyword under the wrong list), and
 * the link shapes messages show.
 */
import type { SourceList, SourceRef } from "musicdl/plugin";
import { isLibraryKind, type LibraryKind, looksLikeSpotify, parseSpotifyUrl, type SpotifyKind } from "./url.ts";

/** Where each keyword is read from in the file; on the command line any of them works. */
const LIST_OF_KEYWORD: Readonly<Record<LibraryKind | "saved", SourceList>> = {
  saved: "songs",
  "saved-albums": "albums",
  "followed-artists": "artists",
  "my-playlists": "playlists",
};

const KIND_OF_LIST: Readonly<Record<SourceList, SpotifyKind>> = {
  songs: "track",
  albums: "album",
  playlists: "playlist",
  artists: "artist",
};

const SPOKEN_WORD = /^(show|episode|audiobook|chapter)$/;
/** A Spotify id on its own: 22 letters and digits, mixed case. */
const BARE_ID = /^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{22}$/;

/** The source's `match`: a Spotify link, URI or keyword as a SourceRef. */
export function matchSpotify(input: string): SourceRef | null {
  const ref = parseSpotifyUrl(input);
  if (!ref) return null;
  const keyword = ref.kind === "saved" || isLibraryKind(ref.kind);
  return { kind: ref.kind, id: ref.id, input, ...(keyword ? { list: LIST_OF_KEYWORD[ref.kind as LibraryKind] } : {}) };
}

/** The source's `refuse`: why input meant for Spotify cannot be read from `list`, or null. */
export function refuseSpotify(input: string, list?: SourceList): string | null {
  const link = input.trim();
  const ref = parseSpotifyUrl(link);
  if (ref && (ref.kind === "saved" || isLibraryKind(ref.kind))) {
    const home = LIST_OF_KEYWORD[ref.kind as LibraryKind | "saved"];
    if (list === undefined || list === home) return null;
    return ref.kind === "saved"
      ? "`saved` (your liked songs) is read from `songs:`. Move it there."
      : `\`${ref.kind}\` is read from \`${home}:\`. Move it there.`;
  }
  if (ref) return null;
  if (looksLikeSpotify(link)) return malformedLinkMessage(link, list ? KIND_OF_LIST[list] : undefined);
  if (BARE_ID.test(link)) {
    return `${quote(link)} looks like a Spotify id on its own; write it as a link, https://open.spotify.com/track/${link} (or album/, playlist/, artist/).`;
  }
  return null;
}

/** Example link shapes for a kind, shown when a link is malformed or no source recognises it. */
export function exampleLinks(kind: string): string {
  return `https://open.spotify.com/${kind}/<22-character id> or spotify:${kind}:<id>`;
}

/**
 * A Spotify link musicdl cannot read. A podcast or audiobook link is well formed, just not music, so it says that;
 * otherwise the example shapes follow the kind the link names (a cut `/playlist/` link gets playlist examples).
 */
function malformedLinkMessage(link: string, expected: SpotifyKind | undefined): string {
  const named = spotifyLinkKind(link);
  if (named && SPOKEN_WORD.test(named)) {
    return (
      `${quote(link)} is a Spotify ${named} link: musicdl downloads music, not podcasts or audiobooks. ` +
      "Give a song, album, playlist or artist link instead."
    );
  }
  const kinds: readonly string[] = Object.values(KIND_OF_LIST);
  const kind = expected ?? (named && kinds.includes(named) ? named : "track");
  return `malformed Spotify link ${quote(link)}; expected ${exampleLinks(kind)}.`;
}

/** The kind word of a Spotify link or URI (`show` in open.spotify.com/intl-de/show/…), lower case, if any. */
function spotifyLinkKind(link: string): string | undefined {
  const path = link.startsWith("spotify:")
    ? link.split(":").slice(1)
    : link.replace(/^[a-z]+:\/\/[^/]+/i, "").split("/");
  const parts = path.filter((part) => part && !part.startsWith("intl-") && part !== "embed");
  return (parts[0] === "user" ? parts[2] : parts[0])?.toLowerCase();
}

/** Quotes user text for a message as the config's own messages do, cut at 100 characters. */
function quote(text: string, max = 100): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
