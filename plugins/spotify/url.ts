/** Recognises Spotify links and URIs offline: open.spotify.com URLs (with `?si=` and `intl-xx/`), `spotify:` URIs. */

/** The Spotify source's plugin name: the `source` of every track it yields (see trackKey). */
export const SPOTIFY_SOURCE = "spotify";

export type SpotifyKind = "track" | "album" | "playlist" | "artist";

/** Keywords for the logged-in user's own library: each stands for many albums, artists or playlists. */
export type LibraryKind = "saved-albums" | "followed-artists" | "my-playlists";
export const LIBRARY_KINDS: readonly LibraryKind[] = ["saved-albums", "followed-artists", "my-playlists"];

export interface SpotifyRef {
  readonly kind: SpotifyKind | "saved" | LibraryKind;
  /** Base-62 id; "" for `saved` and the library keywords. */
  readonly id: string;
}

export function isLibraryKind(kind: string): kind is LibraryKind {
  return (LIBRARY_KINDS as readonly string[]).includes(kind);
}

const KINDS: readonly SpotifyKind[] = ["track", "album", "playlist", "artist"];
const ID = /^[A-Za-z0-9]{22}$/;

/**
 * Parses a Spotify URL or URI. Returns null when the input is not Spotify at all; throws nothing.
 * `saved` (the user's liked songs) is accepted as a keyword, and as `spotify:user:…:collection` / `/collection/tracks`;
 * `saved-albums`, `followed-artists` and `my-playlists` as keywords only.
 */
export function parseSpotifyUrl(input: string): SpotifyRef | null {
  const text = input.trim();
  if (text === "saved" || text === "spotify:saved") return { kind: "saved", id: "" };
  if (isLibraryKind(text)) return { kind: text, id: "" };
  if (text.startsWith("spotify:")) return parseUri(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.hostname !== "open.spotify.com" && url.hostname !== "play.spotify.com") return null;
  // open.spotify.com/intl-de/track/<id>, /embed/track/<id>, /user/<u>/playlist/<id> (old links)
  const parts = url.pathname.split("/").filter((part) => part && !part.startsWith("intl-") && part !== "embed");
  if (parts[0] === "collection" && parts[1] === "tracks") return { kind: "saved", id: "" };
  const userPlaylist = parts[0] === "user" && parts[2] === "playlist";
  const [kind, id] = userPlaylist ? [parts[2], parts[3]] : [parts[0], parts[1]];
  return toRef(kind, id);
}

function parseUri(uri: string): SpotifyRef | null {
  const parts = uri.split(":");
  if (parts[1] === "user" && parts[3] === "collection") return { kind: "saved", id: "" };
  if (parts[1] === "user" && parts[3] === "playlist") return toRef("playlist", parts[4]);
  return toRef(parts[1], parts[2]);
}

function toRef(kind: string | undefined, id: string | undefined): SpotifyRef | null {
  if (!kind || !id || !KINDS.includes(kind as SpotifyKind) || !ID.test(id)) return null;
  return { kind: kind as SpotifyKind, id };
}

/** Whether the input looks like it was meant to be a Spotify link (to tell "malformed" from "not Spotify"). */
export function looksLikeSpotify(input: string): boolean {
  return /^(spotify:|https?:\/\/(open|play)\.spotify\.com\/)/i.test(input.trim());
}

export function spotifyUrlOf(kind: SpotifyKind, id: string): string {
  return `https://open.spotify.com/${kind}/${id}`;
}

/**
 * How a message names an album or playlist: `album "Name"`, or its link when Spotify sent an empty name, so no
 * warning starts with `album ""` (issue 15).
 */
export function describeNamed(kind: SpotifyKind, name: string, id: string): string {
  return name.trim() ? `${kind} "${name}"` : `${kind} ${spotifyUrlOf(kind, id)}`;
}
