/** The core is provider-neutral: what YouTube is (hosts, links, the origin variable) lives in the YouTube plugins. */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SRC = join(import.meta.dir, "..", "..", "src");
const YOUTUBE_KNOWLEDGE = /music\.youtube\.com|youtube\.com|youtu\.be|MUSICDL_YOUTUBE_ORIGIN/;

test("no file in src/ names a YouTube host, link or the YouTube origin variable", () => {
  const files = [...new Bun.Glob("**/*.ts").scanSync(SRC)];
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((file) => YOUTUBE_KNOWLEDGE.test(readFileSync(join(SRC, file), "utf8")));
  expect(offenders).toEqual([]);
});
