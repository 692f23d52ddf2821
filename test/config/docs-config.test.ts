/** docs/config.md's key tables against the schema, both ways: every key documented, nothing documented that is gone. */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import * as v from "valibot";
import { ALIAS_SECTIONS, RETIRED_DOWNLOAD_KEYS } from "../../src/config/aliases.ts";
import { TOP_LEVEL_KEYS } from "../../src/config/read-config-text.ts";
import { computedDefaultOf } from "../../src/config/rules.ts";
import { DownloadSectionSchema } from "../../src/config/schema.ts";
import { matchKeys } from "../../src/config/settings/match.ts";

const DOCS = await Bun.file(join(import.meta.dir, "..", "..", "docs", "config.md")).text();

interface Row {
  readonly keys: readonly string[];
  /** The key cell's code spans as written (`spotify: {client_id, client_secret}`). */
  readonly spans: readonly string[];
  /** The default cell as written. */
  readonly defaultCell: string;
}

/** The `| key | default | meaning |` table under `heading`: only the rows Markdown renders as one table. */
function keyTable(heading: string): Row[] {
  const lines = DOCS.split("\n");
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`docs/config.md has no heading ${heading}`);
  const header = lines.findIndex((line, index) => index > start && line.startsWith("| key | default |"));
  const rows: Row[] = [];
  // Header, then the delimiter row; the table ends at the first line that is not a row.
  for (let index = header + 2; lines[index]?.startsWith("|"); index++) {
    const [keyCell = "", defaultCell = ""] = lines[index]!.split("|").slice(1);
    const spans = codeSpans(keyCell);
    const keys = spans.map((span) => /^[a-z0-9_]+/.exec(span)?.[0] ?? span);
    rows.push({ keys, spans, defaultCell: defaultCell.trim() });
  }
  return rows;
}

function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** What a default cell says for each key of its row: one code span per key, or the whole cell for all of them. */
function defaultWords(row: Row): string[] {
  const spans = codeSpans(row.defaultCell);
  return spans.length === row.keys.length && row.keys.length > 0 ? spans : row.keys.map(() => row.defaultCell);
}

/** A documented value as a file would hold it: YAML (`[lrclib]`, `{}`), or the text itself when it is not YAML. */
function yamlValue(words: string): unknown {
  try {
    return (Bun.YAML.parse(`value: ${words}`) as { value: unknown }).value;
  } catch {
    return words;
  }
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Each documented default, checked by the key's own rule: the docs' value must mean what the schema's default means. */
function checkDefaults(rows: readonly Row[], entries: Readonly<Record<string, v.GenericSchema>>): string[] {
  const wrong: string[] = [];
  for (const row of rows) {
    defaultWords(row).forEach((words, index) => {
      const key = row.keys[index]!;
      const entry = entries[key];
      if (!entry) return;
      const computed = computedDefaultOf(entry);
      const schemaDefault = v.parse(entry, undefined);
      if (computed !== undefined) {
        if (words !== computed) wrong.push(`${key}: docs say ${words}, the schema ${computed}`);
      } else if (words === "none") {
        if (!isEmpty(schemaDefault)) wrong.push(`${key}: docs say none, the schema ${JSON.stringify(schemaDefault)}`);
      } else {
        const documented = v.safeParse(entry, yamlValue(words));
        if (!documented.success || !Bun.deepEquals(documented.output, schemaDefault))
          wrong.push(`${key}: docs say ${words}, the schema ${JSON.stringify(schemaDefault)}`);
      }
    });
  }
  return wrong;
}

const sorted = (keys: Iterable<string>) => [...keys].sort();

describe("docs/config.md", () => {
  test("the `download:` table lists every key the schema reads, and no key it does not", () => {
    const documented = keyTable("## `download:`").flatMap((row) => row.keys);
    expect(sorted(documented)).toEqual(sorted(Object.keys(DownloadSectionSchema.entries)));
  });

  test("every default in the `download:` table is the schema's", () => {
    expect(checkDefaults(keyTable("## `download:`"), DownloadSectionSchema.entries)).toEqual([]);
  });

  test("the `match:` table lists every key with the schema's default", () => {
    const rows = keyTable("## `match:`");
    expect(sorted(rows.flatMap((row) => row.keys))).toEqual(sorted(Object.keys(matchKeys)));
    expect(checkDefaults(rows, matchKeys)).toEqual([]);
  });

  test("the top-level table lists every key a file may have at the top level", () => {
    const documented = keyTable("## Top level").flatMap((row) => row.keys);
    expect(sorted(documented)).toEqual(sorted(TOP_LEVEL_KEYS));
  });

  test("the Go-era maps list the keys they take, and the retired `download:` keys are all named", () => {
    const rows = keyTable("## Top level");
    for (const [name, aliases] of Object.entries(ALIAS_SECTIONS)) {
      const span = rows.flatMap((row) => row.spans).find((written) => written.startsWith(`${name}:`));
      const nested = /\{(.*)\}/
        .exec(span ?? "")?.[1]
        ?.split(",")
        .map((key) => key.trim());
      expect(sorted(nested ?? [])).toEqual(sorted(Object.keys(aliases)));
    }
    const paragraph = DOCS.slice(DOCS.indexOf("**Accepted and ignored, with a warning:**"));
    const retired = codeSpans(paragraph.slice(0, paragraph.indexOf("\n\n")));
    expect(sorted(retired)).toEqual(sorted(Object.keys(RETIRED_DOWNLOAD_KEYS)));
  });
});
