/** Turns an output template and a track into a safe path inside the library. */
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { MusicdlError, UsageError } from "../errors.ts";
import type { TrackMeta } from "../plugins/api.ts";
import { type ParsedTemplate, parseTemplate, type TemplateToken, type TemplateVariable } from "./_template-syntax.ts";
import { utf8Length } from "./_utf8.ts";
import { type ReplacementTable, sanitizeComponent } from "./sanitize.ts";

export { TEMPLATE_ALIASES, TEMPLATE_VARIABLES, type TemplateVariable } from "./_template-syntax.ts";

/** The default `download.output`, the same as the earlier musicdl versions. */
export const DEFAULT_OUTPUT_TEMPLATE = "{artist}/{album}/{track-number} - {title}.{output-ext}";

/** Values of every variable; `undefined` renders as empty. Plain JSON data. */
export type TemplateVars = { readonly [name in TemplateVariable]: string | number | undefined };

export interface TemplateContext {
  /** The playlist's name when the track is rendered for one. */
  readonly playlist?: string;
  /** 1-based position in that playlist. */
  readonly playlistPosition?: number;
  /** Tracks in that playlist; widens `{playlist-position}`'s padding past 99. */
  readonly playlistLength?: number;
  /** `mp3`, `m4a`… (a leading dot is ignored). */
  readonly ext: string;
}

/** Problems with a template, for the config loader: unknown variables, bad widths, stray braces, `..`. */
export function validateTemplate(template: string): string[] {
  return [...parseTemplate(template).problems];
}

export function buildTemplateVars(track: TrackMeta, ctx: TemplateContext): TemplateVars {
  const albumArtists = track.album.artists.length > 0 ? track.album.artists : track.artists;
  return {
    title: track.title,
    artist: track.artists[0],
    artists: track.artists.join(", "),
    album: track.album.name,
    "album-artist": albumArtists[0],
    "album-artists": albumArtists.join(", "),
    "album-type": track.album.type,
    "track-number": track.trackNumber,
    "track-count": track.album.totalTracks,
    "disc-number": track.discNumber,
    "disc-count": track.album.totalDiscs,
    year: track.album.releaseDate.slice(0, 4) || undefined,
    date: track.album.releaseDate || undefined,
    playlist: ctx.playlist,
    "playlist-position": ctx.playlistPosition,
    "playlist-length": ctx.playlistLength,
    isrc: track.isrc,
    "track-id": track.id,
    "output-ext": ctx.ext.replace(/^\./u, ""),
  };
}

function digits(value: string | number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) ? String(Math.trunc(value)).length : 0;
}

/** Track and playlist numbers pad to 2 digits, or wider when the album/playlist has 100 or more; discs don't. */
function defaultWidth(name: TemplateVariable, vars: TemplateVars): number {
  if (name === "track-number") return Math.max(2, digits(vars["track-count"]));
  if (name === "playlist-position") return Math.max(2, digits(vars["playlist-length"]));
  return 1;
}

function formatValue(token: Extract<TemplateToken, { kind: "variable" }>, vars: TemplateVars): string {
  const value = vars[token.name];
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "";
  return String(Math.trunc(value)).padStart(token.width ?? defaultWidth(token.name, vars), "0");
}

const LEADING_SEPARATORS = /^[\s\-_,;~–—·]+/u;
const TRAILING_SEPARATORS = /[\s\-_,;~–—·]+$/u;
const BRACKETS: Readonly<Record<string, string>> = { "(": ")", "[": "]" };

/**
 * Substitutes one component. An empty variable takes its literal separators with it, so `{playlist-position} - {title}`
 * without a playlist gives `Title`, `{artist} - {isrc} - {title}` gives `Artist - Title` and `{title} [{isrc}]`
 * gives `Title`. Separators that surround a non-empty value are never touched.
 */
function substituteComponent(tokens: readonly TemplateToken[], vars: TemplateVars): string {
  let out = "";
  let afterEmpty = false;
  for (const token of tokens) {
    if (token.kind === "variable") {
      const value = formatValue(token, vars);
      afterEmpty = value === "";
      out += value;
      continue;
    }
    let text = token.text;
    if (afterEmpty) {
      const opener = out.at(-1);
      if (opener && BRACKETS[opener] === text[0]) [out, text] = [out.slice(0, -1), text.slice(1)];
      if (out.replace(LEADING_SEPARATORS, "") === "" || TRAILING_SEPARATORS.test(out)) {
        text = text.replace(LEADING_SEPARATORS, "");
      }
      // `{title} ({isrc}).{ext}`: the space before the vanished group goes too.
      if (/^[.)\]]/u.test(text)) out = out.replace(TRAILING_SEPARATORS, "");
      afterEmpty = text === "";
    }
    out += text;
  }
  return afterEmpty ? out.replace(TRAILING_SEPARATORS, "") : out;
}

const parsedTemplates = new Map<string, ParsedTemplate>();

function parseOnce(template: string): ParsedTemplate {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = parseTemplate(template);
    if (parsedTemplates.size > 100) parsedTemplates.clear();
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

export interface RenderTargetPathOptions {
  /** Library root; resolved to an absolute path. */
  readonly outputDir: string;
  /** Always relative to `outputDir`: a leading `/` is ignored. */
  readonly template: string;
  readonly track: TrackMeta;
  readonly ctx: TemplateContext;
  readonly replacements?: ReplacementTable;
}

/**
 * The absolute path a track is written to, guaranteed to lie inside `outputDir`. Each component is substituted and
 * sanitized on its own; components that end up empty are dropped; `.{output-ext}` is appended when the template
 * doesn't name it.
 *
 * @example renderTargetPath({ outputDir: "/music", template: DEFAULT_OUTPUT_TEMPLATE, track, ctx: { ext: "mp3" } })
 * // "/music/Rush/Moving Pictures/03 - YYZ.mp3"
 */
export function renderTargetPath(options: RenderTargetPathOptions): string {
  const parsed = parseOnce(options.template);
  if (parsed.problems.length > 0) {
    throw new UsageError(`output template ${JSON.stringify(options.template)}: ${parsed.problems.join("; ")}`);
  }
  const vars = buildTemplateVars(options.track, options.ctx);
  const extension = String(vars["output-ext"]);
  const folders = parsed.components.slice(0, -1).map((tokens) => substituteComponent(tokens, vars));
  let fileName = substituteComponent(parsed.components.at(-1) ?? [], vars);
  if (!parsed.hasExtension) fileName = `${fileName}.${extension}`;
  const sanitize = (text: string, maxBytes = 255) =>
    sanitizeComponent(text, { replacements: options.replacements, maxBytes });
  const components = folders.filter((folder) => folder.trim() !== "").map((folder) => sanitize(folder));
  if (fileName.endsWith(`.${extension}`)) {
    // The stem is sanitized alone, so no title (`...`, `.`, 300 emoji) can eat the extension.
    let stem = fileName.slice(0, -extension.length - 1);
    // A file part that rendered to nothing but the extension still names the file after the track.
    if (stem.trim() === "") stem = options.track.title;
    components.push(`${sanitize(stem, 255 - utf8Length(extension) - 1)}.${extension}`);
  } else {
    components.push(sanitize(fileName));
  }

  const root = resolve(options.outputDir);
  const target = join(root, ...components);
  const inside = relative(root, target);
  // Unreachable after sanitizing; kept so a future change to the rules can't write outside the library.
  if (inside === "" || inside.split(sep)[0] === ".." || isAbsolute(inside)) {
    throw new MusicdlError(`refusing to write ${JSON.stringify(target)}: it is outside ${JSON.stringify(root)}`);
  }
  return target;
}
