/** Parses output templates (`{artist}/{album}/{track-number:3} - {title}.{ext}`) into components of tokens. */
import { editDistance } from "../util/edit-distance.ts";

/** Every variable a template may use, with whether its value is a number (and so takes a width). */
export const TEMPLATE_VARIABLES = {
  title: "text",
  artist: "text",
  artists: "text",
  album: "text",
  "album-artist": "text",
  "album-artists": "text",
  "album-type": "text",
  "track-number": "number",
  "track-count": "number",
  "disc-number": "number",
  "disc-count": "number",
  year: "text",
  date: "text",
  playlist: "text",
  "playlist-position": "number",
  "playlist-length": "number",
  isrc: "text",
  "track-id": "text",
  "output-ext": "text",
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

/** Other spellings, mostly spotDL's, which `version: "1.2"` configs written for the Python musicdl still use. */
export const TEMPLATE_ALIASES: Readonly<Record<string, TemplateVariable>> = {
  ext: "output-ext",
  "tracks-count": "track-count",
  "list-name": "playlist",
  "list-position": "playlist-position",
  "list-length": "playlist-length",
  "spotify-id": "track-id",
  "original-date": "date",
};

export type TemplateToken =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "variable"; readonly name: TemplateVariable; readonly width?: number };

export interface ParsedTemplate {
  /** Path components in order; `.`, `..` and empty ones (a leading `/`, `//`) are already gone. */
  readonly components: readonly (readonly TemplateToken[])[];
  /** Whether the last component names the extension itself; otherwise the renderer appends `.{output-ext}`. */
  readonly hasExtension: boolean;
  readonly problems: readonly string[];
}

const PLACEHOLDER = /\{([^{}]*)\}/gu;
const MAX_WIDTH = 10;

function resolveName(raw: string): TemplateVariable | undefined {
  const name = raw.trim().toLowerCase().replaceAll("_", "-");
  if (Object.hasOwn(TEMPLATE_VARIABLES, name)) return name as TemplateVariable;
  return TEMPLATE_ALIASES[name];
}

function parseComponent(component: string, problems: string[]): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (text === "") return;
    if (/[{}]/u.test(text)) problems.push(`stray brace in ${JSON.stringify(text)}: write {name} or {name:width}`);
    tokens.push({ kind: "text", text });
  };
  for (const match of component.matchAll(PLACEHOLDER)) {
    pushText(component.slice(last, match.index));
    last = match.index + match[0].length;
    const [rawName = "", rawWidth, ...extra] = (match[1] ?? "").split(":");
    const name = resolveName(rawName);
    if (!name) {
      problems.push(`unknown variable {${rawName}}${suggest(rawName)}`);
      continue;
    }
    if (rawWidth === undefined) {
      tokens.push({ kind: "variable", name });
      continue;
    }
    const width = /^\d+$/u.test(rawWidth) ? Number(rawWidth) : Number.NaN;
    if (TEMPLATE_VARIABLES[name] !== "number") problems.push(`{${match[1]}}: only numbers take a width`);
    else if (extra.length > 0 || !(width >= 1 && width <= MAX_WIDTH))
      problems.push(`{${match[1]}}: the width must be a whole number from 1 to ${MAX_WIDTH}`);
    else tokens.push({ kind: "variable", name, width });
  }
  pushText(component.slice(last));
  return tokens;
}

/** Parses a template; problems are collected rather than thrown so the config loader can list them all. */
export function parseTemplate(template: string): ParsedTemplate {
  const problems: string[] = [];
  if (template.trim() === "") problems.push("the output template is empty");
  const components: TemplateToken[][] = [];
  // Split before substituting, so a `/` inside a title can never make a folder. `\` splits too (Windows habits).
  for (const part of template.split(/[/\\]/u)) {
    if (part.trim() === "" || part === ".") continue;
    if (part === "..") {
      problems.push("`..` in the output template can't leave the output folder; point download.output elsewhere");
      continue;
    }
    components.push(parseComponent(part, problems));
  }
  const lastComponent = components.at(-1) ?? [];
  let hasExtension = lastComponent.some((token) => token.kind === "variable" && token.name === "output-ext");
  if (!hasExtension && lastComponent.length > 0) hasExtension = replaceWrittenExtension(lastComponent);
  return { components, hasExtension, problems };
}

const WRITTEN_EXTENSION = /\.(?:mp3|m4a|opus|ogg|flac|wav)$/iu;

/**
 * `{title}.mp3`: a template that spells the extension out means the file's extension, which follows `format:` —
 * appending one would make `YYZ.mp3.mp3`, and keeping `.mp3` on an Opus file would misname it.
 */
function replaceWrittenExtension(tokens: TemplateToken[]): boolean {
  const last = tokens.at(-1);
  if (last?.kind !== "text") return false;
  const written = WRITTEN_EXTENSION.exec(last.text);
  if (!written) return false;
  const before = last.text.slice(0, written.index);
  tokens.splice(-1, 1, ...(before ? [{ kind: "text" as const, text: before }] : []), { kind: "text", text: "." });
  tokens.push({ kind: "variable", name: "output-ext" });
  return true;
}

const allNames = [...Object.keys(TEMPLATE_VARIABLES), ...Object.keys(TEMPLATE_ALIASES)];

function suggest(raw: string): string {
  const wanted = raw.trim().toLowerCase();
  let best = "";
  let bestDistance = 3; // farther than two edits is a different word, not a typo
  for (const name of allNames) {
    const distance = editDistance(wanted, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best
    ? `; did you mean {${best}}?`
    : `; known: ${Object.keys(TEMPLATE_VARIABLES)
        .map((n) => `{${n}}`)
        .join(" ")}`;
}
