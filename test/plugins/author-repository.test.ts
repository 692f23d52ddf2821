/**
 * A plugin author's own repository, as docs/plugins.md tells them to set it up: musicdl as a dev dependency, their
 * provider beside a `test/` folder, and the documented test file, run with `bun test` there. The test file is the
 * docs' code block itself, so the docs cannot drift from what works.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { toneProviderSource } from "../helpers/tone-provider.ts";
import { runCli } from "../helpers/run-cli.ts";
import { type TempDir, createTempDir } from "../helpers/temp-dir.ts";

const ROOT = join(import.meta.dir, "..", "..");
const DOCS = join(ROOT, "docs", "plugins.md");

/** The first ```ts block after `heading` in docs/plugins.md. */
function codeBlockAfter(heading: string): string {
  const text = readFileSync(DOCS, "utf8");
  const at = text.indexOf(heading);
  if (at < 0) throw new Error(`docs/plugins.md no longer says ${JSON.stringify(heading)}`);
  const match = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  if (!match?.[1]) throw new Error(`docs/plugins.md has no ts block after ${JSON.stringify(heading)}`);
  return match[1];
}

let repo: TempDir;
beforeAll(() => {
  repo = createTempDir("musicdl-author-repo-");
  // What `bun add -d github:musicdl/musicdl music-metadata valibot` leaves in node_modules.
  mkdirSync(join(repo.path, "node_modules"));
  symlinkSync(ROOT, join(repo.path, "node_modules", "musicdl"));
  for (const dependency of ["valibot", "music-metadata"]) {
    symlinkSync(join(ROOT, "node_modules", dependency), join(repo.path, "node_modules", dependency));
  }
  repo.write("package.json", JSON.stringify({ name: "musicdl-tone-box", type: "module", private: true }));
  repo.write("tone-box.ts", toneProviderSource("tone-box"));
  repo.write("test/tone-box.test.ts", codeBlockAfter("A complete `test/tone-box.test.ts`"));
});
afterAll(() => repo[Symbol.dispose]());

test("the documented contract test runs green in an author's repository, importing musicdl/contract", async () => {
  const { stdout, stderr, exitCode } = await runCli(["test"], { executable: process.execPath, cwd: repo.path });
  const output = stdout + stderr;
  expect(output).toMatch(/^ *4 pass$/m);
  expect(output).toMatch(/^ *0 fail$/m);
  expect(exitCode, output).toBe(0);
}, 60_000);
