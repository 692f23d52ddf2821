import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { generateChangelog } from "../../scripts/changelog.ts";

const root = join(import.meta.dir, "..", "..");
const CONVENTIONAL = /^(feat|fix|perf|refactor|test|docs|build|ci|chore|style|revert)(\([a-z0-9._/-]+\))?!?: .+/;

async function commitSubjects(): Promise<string[]> {
  const proc = Bun.spawn(["git", "log", "--format=%s"], { cwd: root, stdout: "pipe" });
  return (await new Response(proc.stdout).text()).split("\n").filter(Boolean);
}

describe("release history", () => {
  test("every commit subject is a Conventional Commit, so the changelog misses nothing", async () => {
    const offenders = (await commitSubjects()).filter((subject) => !CONVENTIONAL.test(subject));
    expect(offenders).toEqual([]);
  });

  test("CHANGELOG.md is what `bun run changelog` generates from the history", async () => {
    const committed = await Bun.file(join(root, "CHANGELOG.md")).text();
    expect(committed).toBe(await generateChangelog());
  });
});
