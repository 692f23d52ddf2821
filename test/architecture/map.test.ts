/** docs/architecture.md is the map a newcomer reads first: every folder it should name, it names. */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..", "..");
const MAP = readFileSync(join(ROOT, "docs", "architecture.md"), "utf8");

function folders(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name);
}

test("every folder of src/ and every code folder at the top is in the map's folder table", () => {
  const expected = [
    ...folders("src").map((name) => `\`src/${name}/\``),
    ...["plugins", "contract", "fakes", "test", "bench", "scripts"].map((name) => `\`${name}/\``),
  ];
  const missing = expected.filter((folder) => !MAP.includes(`| ${folder} |`));
  expect(missing).toEqual([]);
});

test("every built-in plugin is named in the map", () => {
  const missing = folders("plugins").filter((name) => !MAP.includes(`\`${name}\``));
  expect(missing).toEqual([]);
});
