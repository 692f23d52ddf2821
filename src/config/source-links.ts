/**
 * Decides whether one link belongs in one source section, and says why not in words a user can act on. What a
 * link is comes from the loaded source plugins (`refuse`, `match`, `links`); this file knows no site.
 */
import type { SourceLinks, SourceRef } from "../plugins/api.ts";
import type { SourceSection } from "./types.ts";
import { quoteText } from "./findings.ts";
import { checkPlainText } from "./text-source.ts";

/** The four list sections of the file, in the order their entries are read. */
export type ListSection = "songs" | "albums" | "playlists" | "artists";
export const LIST_SECTIONS: readonly ListSection[] = ["songs", "albums", "playlists", "artists"];

/** What the loaded source plugins say about input; the session builds it from the plugin registry. */
export interface LinkSources {
  /** The first reason a source gives for not reading `link` (from `list`), or null. */
  refuse(link: string, list?: ListSection): string | null;
  /** The first source that recognises `link`, and its ref. */
  match(link: string): { readonly source: string; readonly ref: SourceRef } | null;
  /** Link shapes for messages, from the first source that has them. */
  readonly links?: SourceLinks;
}

/** No source plugin at all: every link is unknown, plain text still a search. */
export const NO_LINK_SOURCES: LinkSources = { refuse: () => null, match: () => null };

type ListKind = "track" | "album" | "playlist" | "artist";

const KIND_OF_SECTION: Readonly<Record<ListSection, ListKind>> = {
  songs: "track",
  albums: "album",
  playlists: "playlist",
  artists: "artist",
};
const SECTION_OF_KIND: Readonly<Record<ListKind, ListSection>> = {
  track: "songs",
  album: "albums",
  playlist: "playlists",
  artist: "artists",
};
const NOUN: Readonly<Record<ListKind, string>> = {
  track: "song",
  album: "album",
  playlist: "playlist",
  artist: "artist",
};
/** Sections a source's own kind may stand for as it is (`saved`, `saved-albums`…); others take their list's. */
const KIND_SECTIONS: ReadonlySet<string> = new Set(["saved", "saved-albums", "followed-artists", "my-playlists"]);

export type LinkCheck =
  | { readonly ok: true; readonly section: SourceSection; readonly identity: string }
  | { readonly ok: false; readonly message: string };

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function isListKind(kind: string): kind is ListKind {
  return Object.hasOwn(SECTION_OF_KIND, kind);
}

/**
 * Checks a link written under `section` (or given on the command line when `section` is undefined).
 * `identity` is what duplicates are detected by: the Spotify kind and id, or the link itself for plugin sources.
 */
export function checkLink(url: string, section: ListSection | undefined, sources: LinkSources): LinkCheck {
  const link = url.trim();
  const expected = section ? KIND_OF_SECTION[section] : undefined;
  if (!link) {
    return {
      ok: false,
      message: `empty link; put ${article(NOUN[expected ?? "track"])} URL here or remove the entry.`,
    };
  }
  const refused = sources.refuse(link, section);
  if (refused) return { ok: false, message: refused };
  const found = sources.match(link);
  if (found) return checkRef(found.ref, section);
  // Plain text under songs: (or on the command line) is a search for one track (issue 18).
  const text = checkPlainText(link);
  const songs = section === undefined || section === "songs";
  if (text.query && songs)
    return { ok: true, section: "songs", identity: `text:${link.replace(/\s+/g, " ").toLowerCase()}` };
  if (!text.query && text.message) return { ok: false, message: text.message };
  const shapes = sources.links;
  const kind = expected ?? "track";
  return {
    ok: false,
    message:
      (shapes
        ? `${quoteText(link)} is not a ${shapes.label} link; expected ${shapes.example(kind)}`
        : `${quoteText(link)} is not a link any loaded source plugin recognises`) +
      (section
        ? ""
        : ` (an album, playlist or artist link works too, or \`saved\`, \`saved-albums\`, \`followed-artists\`, \`my-playlists\`)`) +
      (text.query ? ". Plain text (a search for one song) works only under `songs:`" : "") +
      ". Links to other sites need a source plugin.",
  };
}

/** A recognised link: its kind must fit the list it is under (a source's own kinds said so through `refuse`). */
function checkRef(ref: SourceRef, section: ListSection | undefined): LinkCheck {
  const identity = ref.id ? `${ref.kind}:${ref.id}` : ref.kind;
  if (!isListKind(ref.kind)) {
    const own = KIND_SECTIONS.has(ref.kind) ? (ref.kind as SourceSection) : undefined;
    return { ok: true, section: own ?? section ?? ref.list ?? "songs", identity };
  }
  const expected = section ? KIND_OF_SECTION[section] : undefined;
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
