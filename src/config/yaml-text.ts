/** Parses musicdl.yaml with Bun's YAML parser and, when that fails, finds the line it failed on. */
import type { ConfigIssue } from "../errors.ts";

export type YamlParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: ConfigIssue };

export function parseYamlText(text: string): YamlParse {
  try {
    return { ok: true, value: Bun.YAML.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^YAML Parse error:\s*/i, "") : String(error);
    const line = findSyntaxErrorLine(text);
    return {
      ok: false,
      issue: {
        path: "",
        ...(line === undefined ? {} : { line }),
        message: `not valid YAML (${reason}). Check the indentation (spaces, not tabs), quotes and brackets on this line or just above it.`,
      },
    };
  }
}

/**
 * Bun.YAML reports no position, so we look for the longest prefix of the file that still parses: the bad line is the
 * first content line after it (an unclosed quote or bracket thus points at the line where it opened).
 *
 * Parsing every prefix took quadratic time (98 s for a 20k-line file), so the search narrows by structure instead:
 * it cuts only before lines that start an entry at the shallowest indent of the region (where a prefix cannot end
 * inside a quote or bracket), binary-searches those cuts for the first one whose prefix fails, and descends into
 * the entry before it. Only a region with no such cut left (a few lines) is scanned line by line.
 */
export function findSyntaxErrorLine(text: string): number | undefined {
  const lines = indexLines(text);
  const parsesUpTo = (count: number) => parses(text.slice(0, count < lines.length ? lines[count]!.start : text.length));
  let from = 0;
  let to = lines.length; // invariant: the prefix of `from` lines parses, the prefix of `to` lines does not
  for (;;) {
    const cuts = entryStarts(lines, from, to);
    if (cuts.length === 0) break;
    const firstFailing = firstFailingCut(cuts, parsesUpTo);
    if (firstFailing === undefined) {
      from = cuts.at(-1)!;
    } else {
      if (firstFailing > 0) from = cuts[firstFailing - 1]!;
      to = cuts[firstFailing]!;
    }
    if (to - from <= 1) break;
  }
  let lastGood = from;
  // A region with no entry boundaries is small (one entry); scan it as the original search did.
  for (let count = from + 1; count < to; count++) if (parsesUpTo(count)) lastGood = count;
  // Skip blank and comment lines: the error is on the next line with content.
  for (let index = lastGood; index < lines.length; index++) {
    if (lines[index]!.content) return index + 1;
  }
  return undefined;
}

interface IndexedLine {
  /** Offset of the line's first character in the text. */
  readonly start: number;
  readonly indent: number;
  /** Whether the line holds anything but spaces and a comment. */
  readonly content: boolean;
  /** Whether a prefix may end just before it: it starts an entry, not the rest of a quote or bracket. */
  readonly opensEntry: boolean;
}

function indexLines(text: string): IndexedLine[] {
  const lines: IndexedLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    let at = start + indent;
    while (at < end && /[\t\r ]/.test(text[at]!)) at++;
    const first = at < end ? text[at]! : "";
    const content = first !== "" && first !== "#";
    lines.push({ start, indent, content, opensEntry: content && !"]}\"',".includes(first) });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

/** Line counts in (from, to) that end just before an entry at the shallowest indent of that region. */
function entryStarts(lines: readonly IndexedLine[], from: number, to: number): number[] {
  // The region's first line is the entry being searched: its own children are what we cut between.
  let shallowest = Number.POSITIVE_INFINITY;
  for (let index = from + 1; index < to; index++) {
    const line = lines[index]!;
    if (line.content && line.indent < shallowest) shallowest = line.indent;
  }
  const cuts: number[] = [];
  for (let index = from + 1; index < to; index++) {
    const line = lines[index]!;
    if (line.opensEntry && line.indent === shallowest) cuts.push(index);
  }
  return cuts;
}

/** Index of the first cut whose prefix fails to parse, by binary search (prefixes fail from the error on). */
function firstFailingCut(cuts: readonly number[], parsesUpTo: (count: number) => boolean): number | undefined {
  let low = 0;
  let high = cuts.length; // cuts[high] (or the whole region) fails
  while (low < high) {
    const middle = (low + high) >> 1;
    if (parsesUpTo(cuts[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low < cuts.length ? low : undefined;
}

function parses(text: string): boolean {
  try {
    Bun.YAML.parse(text);
    return true;
  } catch {
    return false;
  }
}
