import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateChangelog } from "../../scripts/changelog.ts";

const root = join(import.meta.dir, "..", "..");
const CONVENTIONAL = /^(feat|fix|perf|refactor|test|docs|build|ci|chore|style|revert)(\([a-z0-9._/-]+\))?!?: .+/;

function git(...args: string[]): string {
  const proc = Bun.spawnSync(["git", ...args], { cwd: root, stdout: "pipe", stderr: "pipe" });
  if (proc.exitCode !== 0) throw new Error(`git ${args.join(" ")} failed: ${proc.stderr.toString().trim()}`);
  return proc.stdout.toString();
}

/**
 * Commits a shallow clone cuts its history at. git-cliff sees each as a root commit adding every file, so one that
 * touched only CHANGELOG.md is not left out the way it is in a full clone.
 */
function shallowBoundaries(): string[] {
  if (git("rev-parse", "--is-shallow-repository").trim() !== "true") return [];
  const file = join(root, git("rev-parse", "--git-dir").trim(), "shallow");
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
}

/** The changelog's entry lines: one per commit, each ending with its commit link. */
const entries = (changelog: string) => changelog.split("\n").filter((line) => line.startsWith("- "));

describe("release history", () => {
  test("every commit subject is a Conventional Commit, so the changelog misses nothing", () => {
    const offenders = git("log", "--format=%s")
      .split("\n")
      .filter(Boolean)
      .filter((s) => !CONVENTIONAL.test(s));
    expect(offenders).toEqual([]);
  });

  test("CHANGELOG.md is what `bun run changelog` generates from the history", async () => {
    const committed = await Bun.file(join(root, "CHANGELOG.md")).text();
    const generated = await generateChangelog();
    const boundaries = shallowBoundaries();
    if (boundaries.length === 0) {
      expect(committed).toBe(generated);
      return;
    }
    // A shallow clone (CI checkouts often are) holds only the newest commits: each of those must be in the file.
    const listed = new Set(entries(committed));
    const missing = entries(generated)
      .filter((line) => !boundaries.some((sha) => line.includes(`/commit/${sha})`)))
      .filter((line) => !listed.has(line));
    expect(missing).toEqual([]);
  });
});
