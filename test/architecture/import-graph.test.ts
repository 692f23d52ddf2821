/**
 * The dependency direction of STYLE §1, checked on the import graph as written (type-only imports count: a type
 * cycle still ties two modules' changes together): no cycle anywhere in `src/` and `plugins/`, the core reaching
 * concrete plugins only through the generated `builtin.ts`, and plugins reaching the core only through `api.ts`.
 */
import { describe, expect, test } from "bun:test";
import { importCycles, importGraph } from "./_import-graph.ts";

const graph = importGraph(["src", "plugins"]);

/** `from → to` edges matching both tests. */
function edges(from: (file: string) => boolean, to: (file: string) => boolean): string[] {
  return [...graph].flatMap(([file, targets]) =>
    from(file) ? targets.filter(to).map((target) => `${file} -> ${target}`) : [],
  );
}

/**
 * Imports of `plugins/` from `src/` that exist and are on their way out, as `"from -> to"` (none on this branch; the
 * Spotify move of issue 17 may add some for a while). An entry that no longer occurs fails the test too, so the list
 * stays exact and empties as they go.
 */
const SRC_TO_PLUGINS_ALLOWED: readonly string[] = [];

/** Imports of the core (anything in `src/` but the contract, `api.ts`) from `plugins/`, kept the same way. */
const PLUGINS_TO_CORE_ALLOWED: readonly string[] = [];

/** Every offender not allowed, and every allowed edge that no longer occurs: both must be empty. */
function checkAllowList(offenders: readonly string[], allowed: readonly string[]) {
  return {
    notAllowed: offenders.filter((edge) => !allowed.includes(edge)),
    allowedButGone: allowed.filter((edge) => !offenders.includes(edge)),
  };
}

describe("import graph of src/ and plugins/", () => {
  test("has the files it walks", () => {
    expect(graph.get("src/main.ts")).toBeDefined();
    expect(graph.get("plugins/id3/index.ts")).toContain("src/plugins/api.ts");
  });

  test("holds no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test("src/ reaches plugins/ only through the generated src/plugins/builtin.ts", () => {
    const offenders = edges(
      (file) => file.startsWith("src/") && file !== "src/plugins/builtin.ts",
      (target) => target.startsWith("plugins/"),
    );
    expect(checkAllowList(offenders, SRC_TO_PLUGINS_ALLOWED)).toEqual({ notAllowed: [], allowedButGone: [] });
  });

  test("plugins/ reach the core only through the plugin contract, src/plugins/api.ts", () => {
    const offenders = edges(
      (file) => file.startsWith("plugins/"),
      (target) => target.startsWith("src/") && target !== "src/plugins/api.ts",
    );
    expect(checkAllowList(offenders, PLUGINS_TO_CORE_ALLOWED)).toEqual({ notAllowed: [], allowedButGone: [] });
  });

  test("the store does not import the plan: dependencies point plan → store", () => {
    expect(
      edges(
        (file) => file.startsWith("src/store/"),
        (target) => target.startsWith("src/plan/"),
      ),
    ).toEqual([]);
  });

  test("the matcher does not import the plan: the plan runs the matcher, not the other way", () => {
    expect(
      edges(
        (file) => file.startsWith("src/match/"),
        (target) => target.startsWith("src/plan/"),
      ),
    ).toEqual([]);
  });

  test("nothing outside cli/ imports cli/", () => {
    expect(
      edges(
        (file) => !file.startsWith("src/cli/") && file !== "src/main.ts",
        (target) => target.startsWith("src/cli/"),
      ),
    ).toEqual([]);
  });
});

describe("importCycles", () => {
  test("finds a cycle through three files and a file importing itself, not a diamond", () => {
    const cycles = importCycles(
      new Map([
        ["a", ["b"]],
        ["b", ["c"]],
        ["c", ["a", "d"]],
        ["d", []],
        ["e", ["e"]],
        ["f", ["g", "h"]],
        ["g", ["i"]],
        ["h", ["i"]],
        ["i", []],
      ]),
    );
    expect(cycles).toEqual([["a", "b", "c"], ["e"]]);
  });
});
