/** M3U playlist text: `#EXTM3U`, one `#EXTINF` and one path per track, paths relative to the playlist's folder. */
import { dirname, join, relative, resolve, sep } from "node:path";
import { type ReplacementTable, sanitizeComponent } from "./sanitize.ts";

export interface M3uEntry {
  /** Absolute path of the track's file. */
  readonly path: string;
  readonly durationMs: number;
  readonly artists: readonly string[];
  readonly title: string;
}

export interface RenderM3uOptions {
  /** Where the playlist file will be written; entries are made relative to its folder. */
  readonly m3uPath: string;
  /** In playlist order. */
  readonly entries: readonly M3uEntry[];
}

/** Text on one line: a title with a line break would otherwise start a bogus path line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/gu, " ").trim();
}

/**
 * Relative to the playlist's folder with `/` separators, so the library can move (or be mounted elsewhere, or be
 * opened on Windows) and the playlist still finds its files.
 */
function entryLocation(m3uDir: string, path: string): string {
  const location = relative(m3uDir, resolve(path)).split(sep).join("/");
  // A line starting with `#` is a comment to every player: `#1 Crush/…` must be written `./#1 Crush/…`.
  return location.startsWith("#") ? `./${location}` : location;
}

/**
 * Extended M3U text, UTF-8, LF line ends, ending in a newline.
 *
 * @example
 * renderM3u({ m3uPath: "/music/Road Trip.m3u8", entries: [{ path: "/music/Rush/YYZ.mp3", durationMs: 266_000,
 *   artists: ["Rush"], title: "YYZ" }] })
 * // "#EXTM3U\n#EXTINF:266,Rush - YYZ\nRush/YYZ.mp3\n"
 */
export function renderM3u(options: RenderM3uOptions): string {
  const m3uDir = dirname(resolve(options.m3uPath));
  const lines = ["#EXTM3U"];
  for (const entry of options.entries) {
    // -1 is the format's "unknown length".
    const seconds =
      Number.isFinite(entry.durationMs) && entry.durationMs >= 0 ? Math.round(entry.durationMs / 1000) : -1;
    const artists = oneLine(entry.artists.join(", "));
    const title = oneLine(entry.title);
    lines.push(`#EXTINF:${seconds},${artists === "" ? title : `${artists} - ${title}`}`);
    lines.push(entryLocation(m3uDir, entry.path));
  }
  return `${lines.join("\n")}\n`;
}

export interface PlaylistEntry extends Omit<M3uEntry, "path"> {
  /** Null when the track failed or has no file. */
  readonly path: string | null;
}

export interface BuiltM3u {
  readonly text: string;
  /** Entries written. */
  readonly listed: number;
  /** Entries left out because they have no file. */
  readonly missing: number;
}

/** The playlist text with tracks that have no file left out, and how many were listed and left out. */
export function buildM3u(options: { readonly m3uPath: string; readonly entries: readonly PlaylistEntry[] }): BuiltM3u {
  const present = options.entries.filter((entry): entry is M3uEntry => entry.path !== null);
  return {
    text: renderM3u({ m3uPath: options.m3uPath, entries: present }),
    listed: present.length,
    missing: options.entries.length - present.length,
  };
}

export interface M3uPathOptions {
  readonly outputDir: string;
  /** The playlist's (or album's) name as Spotify gives it. */
  readonly name: string;
  readonly extension: "m3u8" | "m3u";
  readonly replacements?: ReplacementTable;
}

/** `<outputDir>/<sanitized name>.<extension>`: playlists live at the library root. */
export function m3uPathFor(options: M3uPathOptions): string {
  const stem = sanitizeComponent(options.name, {
    replacements: options.replacements,
    maxBytes: 255 - options.extension.length - 1,
  });
  return join(resolve(options.outputDir), `${stem}.${options.extension}`);
}
