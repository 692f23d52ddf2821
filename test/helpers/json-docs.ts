/** Checks a `--json` document against docs/json.md: its schema_version, snake_case keys, and every field documented. */
import { expect } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSON_SCHEMA_VERSION } from "../../src/util/json-document.ts";

const DOC_FILE = join(import.meta.dir, "..", "..", "docs", "json.md");

/** The field paths docs/json.md lists under the heading for `musicdl <command> --json` (`items[].id`, `counts.*`). */
export function documentedFields(command: string, doc = readFileSync(DOC_FILE, "utf8")): string[] {
  const heading = `\`musicdl ${command} --json\``;
  const section = doc.split(/^## /m).find((part) => part.split("\n", 1)[0] === heading);
  if (!section) throw new Error(`docs/json.md has no "## ${heading}" section`);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}

/** Every key path in `value`: `a.b` for objects, `a[].b` into arrays; below a `x.*` in `open`, keys are data. */
export function fieldPaths(value: unknown, open: ReadonlySet<string> = new Set(), prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => fieldPaths(item, open, `${prefix}[]`));
  if (value === null || typeof value !== "object") return [];
  if (open.has(`${prefix}.*`)) return [`${prefix}.*`];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(inner, open, path)];
  });
}

/** Fails unless `document` is one docs/json.md describes for `command` (e.g. `plan`, `cache stats`). */
export function expectDocumentedJson(command: string, document: unknown): void {
  expect((document as { schema_version?: unknown }).schema_version).toBe(JSON_SCHEMA_VERSION);
  const documented = documentedFields(command);
  const open = new Set(documented.filter((field) => field.endsWith(".*")));
  // A documented `a[].b` documents `a` too.
  const known = new Set(documented.flatMap((field) => parentsOf(field)));
  const paths = [...new Set(fieldPaths(document, open))];
  const keys = paths.filter((path) => !path.endsWith(".*"));
  expect(keys.filter((path) => !/^[a-z][a-z0-9_]*$/.test(lastKey(path)))).toEqual([]);
  expect(paths.filter((path) => !known.has(path))).toEqual([]);
}

function parentsOf(field: string): string[] {
  const parts = field.split(".");
  return parts.map((_, index) => parts.slice(0, index + 1).join(".")).map((path) => path.replace(/\[\]$/, ""));
}

function lastKey(path: string): string {
  return (path.split(".").at(-1) ?? "").replace(/\[\]/g, "");
}
