/** Makes one path component (a folder or file name) safe on Linux, macOS and Windows at once. */
import { truncateUtf8, utf8Length } from "./_utf8.ts";

/**
 * A user replacement table, beets' `replace:`: regular-expression source → replacement, applied in insertion order
 * before the defaults. Whatever it produces still goes through the safety rules, so a table can't make names unsafe.
 */
export type ReplacementTable = Readonly<Record<string, string>>;

export interface SanitizeOptions {
  readonly replacements?: ReplacementTable;
  /** Largest component in UTF-8 bytes; 255 is the limit of ext4, APFS and NTFS (which counts UTF-16, more lenient). */
  readonly maxBytes?: number;
}

/** The defaults, in order. Documented in docs/templates.md; keep the two in step. */
export const DEFAULT_REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/[\t\n\r\u2028\u2029]+/gu, " "],
  // C0/C1 controls and NUL: invisible, and NUL ends a path in every OS API.
  [/\p{Cc}/gu, ""],
  // Bidi overrides/isolates and the BOM: they can make `gnp.exe` display as `exe.png`; plain RTL text needs none.
  [/[\u202a-\u202e\u2066-\u2069\ufeff]/gu, ""],
  [/\s*:\s+/gu, " - "], // "Title: Subtitle" → "Title - Subtitle"
  [/:/gu, "-"], // "12:00" → "12-00"
  [/\s+[/\\|]\s+/gu, " - "], // "Song A / Song B" → "Song A - Song B"
  [/[/\\|]/gu, "-"], // "AC/DC" → "AC-DC"
  [/"/gu, "'"],
  [/\?/gu, ""], // "Why?" → "Why"
  [/[<>*]/gu, "_"],
];

// Characters no Windows name may hold (macOS Finder also shows `:` as `/`), plus controls.
const UNSAFE = /[<>:"/\\|?*\p{Cc}]/gu;
// CON, PRN, AUX, NUL, COM0–9, LPT0–9 (and the superscript digits Windows also reserves), CONIN$/CONOUT$:
// reserved with any extension and case (https://learn.microsoft.com/windows/win32/fileio/naming-a-file).
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;
// What truncation keeps at the end: `.mp3`, `.m3u8`, `.flac`.
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/u;

const compiledTables = new WeakMap<ReplacementTable, (readonly [RegExp, string])[]>();

function compileTable(table: ReplacementTable): (readonly [RegExp, string])[] {
  let rules = compiledTables.get(table);
  if (!rules) {
    rules = Object.entries(table).map(([source, replacement]) => [new RegExp(source, "gu"), replacement] as const);
    compiledTables.set(table, rules);
  }
  return rules;
}

/** Problems with a user replacement table (invalid regular expressions), for the config loader. */
export function validateReplacements(table: ReplacementTable): string[] {
  const problems: string[] = [];
  for (const [source, replacement] of Object.entries(table)) {
    try {
      new RegExp(source, "gu");
    } catch (error) {
      problems.push(`replace pattern ${JSON.stringify(source)} is not a valid regular expression: ${String(error)}`);
    }
    if (typeof replacement !== "string")
      problems.push(`replace pattern ${JSON.stringify(source)}: replacement must be text`);
  }
  return problems;
}

/** Windows ignores trailing dots and spaces (and Explorer can't open such names), so they go. */
function stripTrailingDotsAndSpaces(text: string): string {
  return text.replace(/[\s.]+$/u, "");
}

/**
 * One safe component: NFC, replacements applied, no characters illegal on Windows/macOS, no control characters,
 * no leading dot (hidden file, `.`/`..`), no trailing dot or space, no Windows device name, at most 255 UTF-8 bytes
 * (cut between graphemes, extension kept), never empty (`_`).
 *
 * @example sanitizeComponent("AC/DC: Live?") // "AC-DC - Live"
 * @example sanitizeComponent("con.txt") // "con_.txt"
 */
export function sanitizeComponent(text: string, options: SanitizeOptions = {}): string {
  const maxBytes = options.maxBytes ?? 255;
  let name = text.normalize("NFC");
  const rules = options.replacements
    ? [...compileTable(options.replacements), ...DEFAULT_REPLACEMENTS]
    : DEFAULT_REPLACEMENTS;
  for (const [pattern, replacement] of rules) name = name.replace(pattern, replacement);
  name = name.replace(UNSAFE, "_").normalize("NFC").trim();
  name = stripTrailingDotsAndSpaces(name).replace(/^\./u, "_");
  // Escape first: the cut only shortens the end, so it never re-creates a device name.
  name = fitBytes(escapeReservedName(name), maxBytes);
  return name === "" ? "_" : name;
}

/** Cuts a name to `maxBytes`, keeping its extension, and tidies the new end. */
function fitBytes(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const extension = EXTENSION.exec(name)?.[0] ?? "";
  const stem = name.slice(0, name.length - extension.length);
  const cut = stripTrailingDotsAndSpaces(truncateUtf8(stem, maxBytes - utf8Length(extension)));
  return extension === "" ? cut : `${cut === "" ? "_" : cut}${extension}`;
}

function escapeReservedName(name: string): string {
  const firstDot = name.indexOf(".");
  const stem = (firstDot === -1 ? name : name.slice(0, firstDot)).trimEnd();
  if (!RESERVED_STEM.test(stem)) return name;
  return `${stem}_${firstDot === -1 ? "" : name.slice(firstDot)}`;
}

/**
 * Inserts `suffix` before a file name's extension, shortening the stem so the name still fits `maxBytes`.
 *
 * @example withSuffixBeforeExtension("Song.mp3", " (2)") // "Song (2).mp3"
 */
export function withSuffixBeforeExtension(name: string, suffix: string, maxBytes = 255): string {
  const extension = EXTENSION.exec(name)?.[0] ?? "";
  const stem = name.slice(0, name.length - extension.length);
  const room = maxBytes - utf8Length(suffix) - utf8Length(extension);
  return `${stripTrailingDotsAndSpaces(truncateUtf8(stem, room))}${suffix}${extension}`;
}
