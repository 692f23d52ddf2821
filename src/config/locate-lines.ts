/** Maps a YAML path (`playlists[2].url`) to its 1-based line by scanning the text; Bun.YAML gives no positions. */

import { matchKey, stripComment } from "./_yaml-line.ts";
import { repeatedFlowKeys } from "./flow-map-keys.ts";

export type YamlPath = readonly (string | number)[];

/** Line numbers of one YAML node and its children; a flow node (`[a, b]`) answers its own line for any child. */
interface LineNode {
  readonly line: number;
  readonly keys: Map<string, LineNode>;
  readonly items: LineNode[];
  flow?: boolean;
  /** Keys written twice in this map (YAML keeps only the last): the earlier line of each. */
  repeats?: { key: string; firstLine: number; line: number }[];
}

/** A key written twice in one map: where the ignored first one and the kept second one are. */
export interface RepeatedKey {
  readonly path: YamlPath;
  readonly firstLine: number;
  readonly line: number;
}

interface TextLine {
  line: number;
  indent: number;
  content: string;
}

export type LineLocator = (path: YamlPath) => number | undefined;

/** Builds a locator for one file's text. Unknown paths resolve to the line of their deepest known ancestor. */
export function createLineLocator(text: string): LineLocator {
  return scanYamlLines(text).locate;
}

/** One scan of the text: the line locator, and every key repeated within one map (Bun.YAML keeps the last). */
export function scanYamlLines(text: string): { locate: LineLocator; repeats: RepeatedKey[] } {
  const lines = splitLines(text.replace(/^\uFEFF/, "")); // a byte-order mark is not part of the first key
  const root = newNode(lines[0]?.line ?? 1);
  // Keep going after a line the scanner does not understand, so one odd line costs only its own block.
  for (let i = 0; i < lines.length; ) {
    const next = parseBlock(lines, i, root);
    i = next > i ? next : i + 1;
  }
  const repeats: RepeatedKey[] = [];
  collectRepeats(root, [], repeats);
  return { locate: locatorOf(root), repeats };
}

function collectRepeats(node: LineNode, path: YamlPath, out: RepeatedKey[]): void {
  for (const { key, firstLine, line } of node.repeats ?? []) out.push({ path: [...path, key], firstLine, line });
  for (const [key, child] of node.keys) collectRepeats(child, [...path, key], out);
  for (const [index, item] of node.items.entries()) collectRepeats(item, [...path, index], out);
}

function locatorOf(root: LineNode): LineLocator {
  return (path) => {
    let node = root;
    let found: number | undefined;
    for (const segment of path) {
      if (node.flow) return node.line;
      const next = typeof segment === "number" ? node.items[segment] : node.keys.get(segment);
      if (!next) return found;
      node = next;
      found = node.line;
    }
    return found;
  };
}

function newNode(line: number): LineNode {
  return { line, keys: new Map(), items: [] };
}

/** Non-blank, non-comment lines with comments stripped; document markers dropped. */
function splitLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = stripComment(raw).trimEnd();
    const trimmed = content.trimStart();
    if (!trimmed || trimmed === "---" || trimmed === "...") return;
    out.push({ line: index + 1, indent: content.length - trimmed.length, content: trimmed });
  });
  return out;
}

function isSequenceItem(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

/** Parses the block starting at `lines[start]` into `node`; returns the index after it. */
function parseBlock(lines: TextLine[], start: number, node: LineNode): number {
  const first = lines[start];
  if (!first) return start;
  if (isSequenceItem(first.content)) return parseSequence(lines, start, first.indent, node);
  if (matchKey(first.content)) return parseMap(lines, start, first.indent, node);
  if (/^[[{]/.test(first.content)) markFlow(node, first.content);
  return skipDeeper(lines, start + 1, first.indent - 1);
}

function parseSequence(lines: TextLine[], start: number, indent: number, node: LineNode): number {
  let i = start;
  while (i < lines.length) {
    const current = lines[i]!;
    if (current.indent !== indent || !isSequenceItem(current.content)) break;
    const item = newNode(current.line);
    node.items.push(item);
    const rest = current.content.slice(1).trimStart();
    if (!rest) {
      i = parseChild(lines, i + 1, indent, item, false);
      continue;
    }
    // `- key: value` or `- - x`: the rest is a block that starts at a deeper column on this same line.
    const column = indent + (current.content.length - rest.length);
    lines[i] = { line: current.line, indent: column, content: rest };
    i = parseBlock(lines, i, item);
  }
  return i;
}

function parseMap(lines: TextLine[], start: number, indent: number, node: LineNode): number {
  let i = start;
  while (i < lines.length) {
    const current = lines[i]!;
    if (current.indent > indent) {
      i++; // a continuation the scanner did not attribute; not a key of this map
      continue;
    }
    const entry = current.indent === indent ? matchKey(current.content) : null;
    if (!entry) break;
    const child = newNode(current.line);
    const earlier = node.keys.get(entry.key);
    if (earlier) {
      node.repeats ??= [];
      node.repeats.push({ key: entry.key, firstLine: earlier.line, line: current.line });
    }
    node.keys.set(entry.key, child);
    const value = entry.rest.trim();
    if (!value) {
      // `key:` then either deeper lines or, as YAML allows, `- item` lines at the same indent.
      i = parseChild(lines, i + 1, indent, child, true);
    } else {
      if (/^[[{]/.test(value)) markFlow(child, value);
      // Block scalars (`|`, `>`) and multi-line plain scalars continue on deeper lines.
      i = skipDeeper(lines, i + 1, indent);
    }
  }
  return i;
}

/** A `[…]` or `{…}` value: its children answer its line, and a one-line map's repeated keys are recorded. */
function markFlow(node: LineNode, content: string): void {
  node.flow = true;
  for (const key of repeatedFlowKeys(content)) {
    node.repeats ??= [];
    node.repeats.push({ key, firstLine: node.line, line: node.line });
  }
}

/** Parses the value block of a key or empty `-` that begins on the next line. */
function parseChild(lines: TextLine[], start: number, indent: number, node: LineNode, sameIndentSeq: boolean): number {
  const next = lines[start];
  if (!next) return start;
  const deeper = next.indent > indent;
  const sequenceAtSameIndent = sameIndentSeq && next.indent === indent && isSequenceItem(next.content);
  if (!deeper && !sequenceAtSameIndent) return start;
  return parseBlock(lines, start, node);
}

function skipDeeper(lines: TextLine[], start: number, indent: number): number {
  let i = start;
  while (i < lines.length && lines[i]!.indent > indent) i++;
  return i;
}
