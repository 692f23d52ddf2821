/** Decides whether one link belongs in one source section, and says why not in words a user can act on. */
import type { SourceSection } from "./types.ts";
import { quoteText } from "./findings.ts";
import {
  isLibraryKind,
  type LibraryKind,
  looksLikeSpotify,
  parseSpotifyUrl,
  type SpotifyKind,
} from "../../plugins/spotify/url.ts";
import { checkPlainText } from "./text-source.ts";

/** The four list sections of the file, in the order their entries are read. */
export type ListSection = "songs" | "albums" | "playlists" | "artists";
export const LIST_SECTIONS: readonly ListSection[] = ["songs", "albums", "playlists", "artists"];

const KIND_OF_SECTION: Readonly<Record<ListSection, SpotifyKind>> = {
  songs: "track",
  albums: "album",
  playlists: "playlist",
  artists: "artist",
};
const SECTION_OF_KIND: Readonly<Record<SpotifyKind, ListSection>> = {
  track: "songs",
  album: "albums",
  playlist: "playlists",
  artist: "artists",
};
const NOUN: Readonly<Record<SpotifyKind, string>> = {
  track: "song",
  album: "album",
  playlist: "playlist",
  artist: "artist",
};

export type LinkCheck =
  | { readonly ok: true; readonly section: SourceSection; readonly identity: string }
  | { readonly ok: false; readonly message: string };

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** Example link shapes for a section, shown when a link is malformed or foreign. */
export function exampleLinks(kind: SpotifyKind): string {
  return `https://open.spotify.com/${kind}/<22-character id> or spotify:${kind}:<id>`;
}

const SPOKEN_WORD = /^(show|episode|audiobook|chapter)$/;

/**
 * A Spotify link musicdl cannot read. A podcast or audiobook link is well formed, just not music, so it says that;
 * otherwise the example shapes follow the kind the link names (a cut `/playlist/` link gets playlist examples).
 */
function malformedLinkMessage(link: string, expected: SpotifyKind | undefined): string {
  const named = spotifyLinkKind(link);
  if (named && SPOKEN_WORD.test(named)) {
    return (
      `${quoteText(link)} is a Spotify ${named} link: musicdl downloads music, not podcasts or audiobooks. ` +
      "Give a song, album, playlist or artist link instead."
    );
  }
  const kind = expected ?? (named && Object.hasOwn(SECTION_OF_KIND, named) ? (named as SpotifyKind) : "track");
  return `malformed Spotify link ${quoteText(link)}; expected ${exampleLinks(kind)}.`;
}

/** The kind word of a Spotify link or URI (`show` in open.spotify.com/intl-de/show/…), lower case, if any. */
function spotifyLinkKind(link: string): string | undefined {
  const path = link.startsWith("spotify:")
    ? link.split(":").slice(1)
    : link.replace(/^[a-z]+:\/\/[^/]+/i, "").split("/");
  const parts = path.filter((part) => part && !part.startsWith("intl-") && part !== "embed");
  return (parts[0] === "user" ? parts[2] : parts[0])?.toLowerCase();
}

/**
 * Checks a link written under `section` (or given on the command line when `section` is undefined).
 * `identity` is what duplicates are detected by: the Spotify kind and id, or the link itself for plugin sources.
 */
export function checkLink(
  url: string,
  section: ListSection | undefined,
  isKnownSource?: (url: string) => boolean,
): LinkCheck {
  const link = url.trim();
  const expected = section ? KIND_OF_SECTION[section] : undefined;
  if (!link) {
    return {
      ok: false,
      message: `empty link; put ${article(NOUN[expected ?? "track"])} URL here or remove the entry.`,
    };
  }
  const ref = parseSpotifyUrl(link);
  if (ref?.kind === "saved") {
    if (section === undefined || section === "songs") return { ok: true, section: "saved", identity: "saved" };
    return { ok: false, message: "`saved` (your liked songs) is read from `songs:`. Move it there." };
  }
  if (ref && isLibraryKind(ref.kind)) return checkLibraryKeyword(ref.kind, section);
  if (ref && !isLibraryKind(ref.kind)) {
    const identity = `${ref.kind}:${ref.id}`;
    if (!expected) return { ok: true, section: SECTION_OF_KIND[ref.kind], identity };
    if (ref.kind === expected) return { ok: true, section: section!, identity };
    const noun = NOUN[ref.kind];
    return {
      ok: false,
      message:
        `this is ${article(noun)} link, not ${article(NOUN[expected])}. ` +
        `Move it under \`${SECTION_OF_KIND[ref.kind]}:\` or use ${article(expected === "track" ? "track" : NOUN[expected])} URL.`,
    };
  }
  if (looksLikeSpotify(link)) return { ok: false, message: malformedLinkMessage(link, expected) };
  if (isKnownSource?.(link)) return { ok: true, section: section ?? "songs", identity: link };
  // Plain text under songs: (or on the command line) is a Spotify search for one track (issue 18).
  const text = checkPlainText(link);
  const songs = section === undefined || section === "songs";
  if (text.query && songs)
    return { ok: true, section: "songs", identity: `text:${link.replace(/\s+/g, " ").toLowerCase()}` };
  if (!text.query && text.message) return { ok: false, message: text.message };
  return {
    ok: false,
    message:
      `${quoteText(link)} is not a Spotify link; expected ${exampleLinks(expected ?? "track")}` +
      (section
        ? ""
        : ` (an album, playlist or artist link works too, or \`saved\`, \`saved-albums\`, \`followed-artists\`, \`my-playlists\`)`) +
      (text.query ? ". Plain text (a search for one song) works only under `songs:`" : "") +
      ". Links to other sites need a source plugin.",
  };
}

/** Where each library keyword is read from in the file; on the command line any of them works. */
const SECTION_OF_LIBRARY: Readonly<Record<LibraryKind, ListSection>> = {
  "saved-albums": "albums",
  "followed-artists": "artists",
  "my-playlists": "playlists",
};

function checkLibraryKeyword(kind: LibraryKind, section: ListSection | undefined): LinkCheck {
  const home = SECTION_OF_LIBRARY[kind];
  if (section === undefined || section === home) return { ok: true, section: kind, identity: kind };
  return { ok: false, message: `\`${kind}\` is read from \`${home}:\`. Move it there.` };
}
