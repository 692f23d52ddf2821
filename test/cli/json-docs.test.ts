/** docs/json.md is the one description of every `--json` output: each command with the flag has its section. */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArgsDef, CommandDef } from "citty";
import { mainCommand } from "../../src/cli/main-command.ts";
import { documentedFields, expectDocumentedJson, fieldPaths } from "../helpers/json-docs.ts";

type AnyCommand = CommandDef<ArgsDef>;
const resolve = async <T>(value: T | (() => T | Promise<T>)): Promise<T> =>
  typeof value === "function" ? await (value as () => T | Promise<T>)() : value;

/** `plan`, `cache stats`, … for every command and subcommand that declares `--json`. */
async function commandsWithJson(command: AnyCommand, prefix: string[] = []): Promise<string[]> {
  const found: string[] = [];
  const args = (await resolve(command.args)) ?? {};
  if (prefix.length > 0 && "json" in args) found.push(prefix.join(" "));
  const subCommands = (await resolve(command.subCommands)) ?? {};
  for (const [name, sub] of Object.entries(subCommands)) {
    found.push(...(await commandsWithJson((await resolve(sub)) as AnyCommand, [...prefix, name])));
  }
  return found;
}

describe("docs/json.md", () => {
  test("has a section for every command with --json, and none for a command without", async () => {
    const commands = await commandsWithJson(mainCommand as AnyCommand);
    expect(commands.sort()).toEqual(["cache clear", "cache stats", "doctor", "download", "match", "plan", "plugins"]);
    const doc = readFileSync(join(import.meta.dir, "..", "..", "docs", "json.md"), "utf8");
    const headings = [...doc.matchAll(/^## `musicdl (.+) --json`$/gm)].map((match) => match[1]);
    expect(headings.sort()).toEqual(commands.sort());
    for (const command of commands) {
      const fields = documentedFields(command, doc);
      expect(fields[0]).toBe("schema_version");
      expect(fields.filter((field, index) => fields.indexOf(field) !== index)).toEqual([]);
      expect(fields.filter((field) => !/^[a-z][a-z0-9_]*(\[\])?(\.([a-z0-9_]+(\[\])?|\*))*$/.test(field))).toEqual([]);
    }
  });
});

describe("expectDocumentedJson", () => {
  test("walks arrays and nested objects, and stops below an open map", () => {
    const open = new Set(["stats.by_status.*"]);
    expect(
      fieldPaths({ items: [{ id: 1, sources: [{ url: "u" }] }], stats: { by_status: { done: 1 } } }, open),
    ).toEqual([
      "items",
      "items[].id",
      "items[].sources",
      "items[].sources[].url",
      "stats",
      "stats.by_status",
      "stats.by_status.*",
    ]);
  });

  test("accepts a documented document and rejects an undocumented field, a camelCase key or a missing version", () => {
    const clear = { schema_version: 1, path: "/c.sqlite", cleared: { search: 2 } };
    expectDocumentedJson("cache clear", clear);
    expect(() => expectDocumentedJson("cache clear", { ...clear, extra: 1 })).toThrow();
    expect(() => expectDocumentedJson("cache clear", { ...clear, filePath: "x" })).toThrow();
    expect(() => expectDocumentedJson("cache clear", { path: "/c.sqlite", cleared: {} })).toThrow();
  });
});
