/** Folds titles and artist names into comparable text, and splits a title into its core, version tags and credits. */

const LATIN_LETTER = /\p{Script=Latin}/u;
const COMBINING_MARK = /\p{M}/u;

/**
 * Strips accents from Latin letters only (é → e, ß stays), so "Beyoncé" equals "Beyonce". Other scripts keep their
 * marks: NFKD splits が into か + ゙, and dropping that mark would make different Japanese words equal.
 */
function stripLatinAccents(text: string): string {
  let out = "";
  let afterLatin = false;
  for (const char of text.normalize("NFKD")) {
    if (COMBINING_MARK.test(char)) {
      if (!afterLatin) out += char;
      continue;
    }
    afterLatin = LATIN_LETTER.test(char);
    out += char;
  }
  return out.normalize("NFC");
}

/**
 * Lower case, Latin accents stripped, `&` read as "and", apostrophes and dots dropped (`Don't` → `dont`,
 * `P.Y.T.` → `pyt`), other punctuation and symbols as spaces, whitespace collapsed. Text that is nothing but
 * punctuation (a title like "!!!") comes back lower-cased rather than empty.
 */
export function foldText(text: string): string {
  const folded = stripLatinAccents(text.toLowerCase())
    .replace(/&/g, " and ")
    .replace(/['’‘`´.]/g, "")
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return folded || text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Folded words; a Japanese or Chinese title without spaces is one word, which edit distance then compares. */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(" ") : [];
}

/** Words that mark a bracket or dash suffix as a version/credit note rather than part of the title. */
const DESCRIPTOR_WORDS = new Set(
  (
    "remaster remastered remasterizado version versión edit mix remix live acoustic unplugged mono stereo demo " +
    "official video audio lyric lyrics visualizer visualiser explicit clean instrumental karaoke cover bonus " +
    "deluxe edition anniversary from soundtrack ost prod sped slowed nightcore 8d hd hq 4k extended session " +
    "sessions reverb reaction tutorial mv rework bootleg vip quality release cd flac lossless hifi 320kbps kbps " +
    "topic uncut premiere"
  ).split(" "),
);
const FEAT_PREFIX = /^(feat|ft|featuring|with|avec|mit)\s+(.+)$/;
const YEAR_ONLY = /^(19|20)\d\d$/;

/** The parts of a title: `Song (feat. A) - Remastered 2011` → core `song`, featured `[a]`, tags `[remastered 2011]`. */
export interface ParsedTitle {
  /** Folded title without version tags, feature credits or a leading artist credit. */
  readonly core: string;
  /** Folded names from `feat.`/`ft.`/`featuring`/`(with …)` credits. */
  readonly featured: readonly string[];
  /** Folded bracket and dash-suffix notes: `live`, `remastered 2011`, `official video`… */
  readonly tags: readonly string[];
  /** Folded `Artist - ` parts that named one of the known artists (video uploads). */
  readonly credited: readonly string[];
  /**
   * The same title in two scripts, `夜に駆ける (Yoru ni Kakeru)` → `["夜に駆ける", "yoru ni kakeru"]`: each half names
   * the song alone. Empty unless a kept bracket is in another script than the rest of the core.
   */
  readonly aliases: readonly string[];
}

/** `latin` or `other` when every letter is of that kind, else null (mixed, or no letters at all). */
function scriptOf(text: string): "latin" | "other" | null {
  const letters = [...text].filter((char) => /\p{L}/u.test(char));
  if (letters.length === 0) return null;
  const latin = letters.filter((char) => LATIN_LETTER.test(char)).length;
  return latin === letters.length ? "latin" : latin === 0 ? "other" : null;
}

/** A kept bracket in another script than the rest is a romanization or translation: both halves are the title. */
function aliasesOf(core: string, bracketsKept: readonly string[]): string[] {
  for (const bracket of bracketsKept.map(foldText)) {
    const rest = core.replace(bracket, " ").replace(/\s+/g, " ").trim();
    const [restScript, bracketScript] = [scriptOf(rest), scriptOf(bracket)];
    if (rest && bracket && restScript && bracketScript && restScript !== bracketScript) return [rest, bracket];
  }
  return [];
}

/**
 * The word YouTube Music joins plain-text artists with, in the answer's language: "A y B", "A et B", "A и B".
 * Spaced, so it splits only between names ("Yung Gravy" keeps its "y").
 */
const LOCALIZED_AND = /\s(?:y|e|et|en|i|og|och|ja|és|и|і|та)\s/iu;

/** Splits "A, B & C", "A x B", "A und B" into names; used for feature credits and one-string artist fields. */
export function splitArtistCredit(credit: string): string[] {
  return credit
    .split(LOCALIZED_AND)
    .join(" & ")
    .split(/\s*(?:,|、|&|\band\b|\bund\b|\bx\b|\bvs\b\.?|\bfeat\b\.?|\bft\b\.?|\bfeaturing\b|\/)\s*/i)
    .map(foldText)
    .filter(Boolean);
}

/** An artist name folded for comparison: channel noise (` - Topic`, `VEVO`, `Official`) and a leading "the" go. */
export function normalizeArtist(name: string): string {
  const cleaned = name
    .replace(/\s*-\s*topic$/i, "")
    .replace(/vevo$/i, "")
    .replace(/\b(official|oficial)\b/gi, "");
  const folded = foldText(cleaned).replace(/^the /, "");
  return folded || foldText(name);
}

function isDescriptor(folded: string): boolean {
  const words = folded.split(" ");
  return words.every((word) => YEAR_ONLY.test(word)) || words.some((word) => DESCRIPTOR_WORDS.has(word));
}

interface TitleParts {
  kept: string[];
  featured: string[];
  tags: string[];
}

/**
 * Sorts one bracket or dash segment into feature credit, version tag, or title text. Square brackets hold upload
 * notes and label tags ("[NCS Release]", "[Monstercat]") rather than title words, so they are always tags.
 */
function classifySegment(raw: string, parts: TitleParts, squareBracket = false): void {
  const folded = foldText(raw.replace(/^[\s"'“”]+|[\s"'“”]+$/g, ""));
  if (!folded) return;
  const feat = FEAT_PREFIX.exec(folded);
  if (feat?.[2]) parts.featured.push(...splitArtistCredit(feat[2]));
  else if (squareBracket || isDescriptor(folded)) parts.tags.push(folded);
  else parts.kept.push(raw);
}

const BRACKETS = /[([{（【［]([^)\]}）】］]*)[)\]}）】］]/g;
const DASH_SPLIT = /\s+[-–—|｜]\s+/;
const TRAILING_FEAT = /\s(?:feat\.?|ft\.?|featuring)\s(.+)$/i;

/** A dash part credits artists when it is one of them, starts with one, or splits into names that include one. */
function matchesArtist(folded: string, knownArtists: readonly string[]): boolean {
  const compact = normalizeArtist(folded).replace(/ /g, "");
  const names = splitArtistCredit(folded).map((name) => normalizeArtist(name).replace(/ /g, ""));
  return knownArtists.some((artist) => {
    const name = normalizeArtist(artist).replace(/ /g, "");
    return name.length > 0 && (compact.startsWith(name) || names.includes(name));
  });
}

/** Which dash parts are artist credits; at least one part always stays the title. */
function findCredited(foldedParts: readonly string[], knownArtists: readonly string[]): string[] {
  if (foldedParts.length < 2) return [];
  const credited = foldedParts.filter((part) => matchesArtist(part, knownArtists));
  return credited.length === foldedParts.length ? credited.slice(0, -1) : credited;
}

/**
 * Parses a title. `knownArtists` lets a video title like `Rush - YYZ (Live)` drop its `Rush - ` credit; without
 * it, every dash part that is not a version note stays in the core.
 */
export function parseTitle(title: string, knownArtists: readonly string[] = []): ParsedTitle {
  const parts: TitleParts = { kept: [], featured: [], tags: [] };
  const bracketsKept: string[] = [];
  const withoutBrackets = title.replace(BRACKETS, (whole: string, inner: string) => {
    const before = parts.kept.length;
    classifySegment(inner, parts, /^[[［【]/.test(whole));
    if (parts.kept.length === before) return " ";
    const kept = parts.kept.pop()!;
    bracketsKept.push(kept);
    return ` ${kept} `;
  });
  const dashParts = withoutBrackets.split(DASH_SPLIT);
  const kept: string[] = [];
  for (const [index, part] of dashParts.entries()) {
    const trailing = TRAILING_FEAT.exec(part);
    const body = trailing ? part.slice(0, trailing.index) : part;
    if (trailing?.[1]) parts.featured.push(...splitArtistCredit(trailing[1]));
    if (index === 0) kept.push(body);
    else classifySegment(body, parts);
  }
  kept.push(...parts.kept);
  const foldedParts = kept.map(foldText).filter(Boolean);
  const credited = findCredited(foldedParts, knownArtists);
  const coreParts = foldedParts.filter((part) => !credited.includes(part));
  const core = coreParts.join(" ") || foldText(title);
  return { core, featured: parts.featured, tags: parts.tags, credited, aliases: aliasesOf(core, bracketsKept) };
}
