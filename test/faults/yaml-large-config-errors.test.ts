/**
 * Config errors in long or bloated files: found on the right line without parsing every prefix (which took 98 s at
 * 20k lines), and printed short when the value is huge. Time and memory are measured by bench/config-errors.ts.
 */
import { expect, test } from "bun:test";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const songs = (count: number) =>
  `version: "1.2"\nsongs:\n${Array.from({ length: count }, () => "  - https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi").join("\n")}\n`;

test.each([
  { name: "a bad indent after 20k lines", tail: "download:\n  threads: 4\n format: mp3\n", line: 20005 },
  { name: "an unclosed bracket in the last list entry", tail: "  - [unclosed, list\n", line: 20003 },
  {
    name: "an unclosed quote, then 20 more entries",
    tail: `  - "unclosed\n${songs(20).split("\n").slice(2).join("\n")}`,
    line: 20003,
  },
])("musicdl plan on a 20k-line config with $name names its line", async ({ tail, line }) => {
  using dir = createTempDir();
  dir.write("big.yaml", songs(20_000) + tail);
  const result = await runCli(["plan", "-c", "big.yaml"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toStartWith(`error: big.yaml line ${line}: not valid YAML`);
});

test("a 20 MB string where a link belongs gets a one-paragraph error, not the string back", async () => {
  using dir = createTempDir();
  dir.write("big.yaml", `version: "1.2"\nsongs:\n  - "${"x".repeat(20 * 1024 * 1024)}"\n`);
  const result = await runCli(["plan", "-c", "big.yaml"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toStartWith(`error: big.yaml line 3, songs[0]: "${"x".repeat(99)}…" is not a Spotify link`);
  expect(result.stderr.length).toBeLessThan(400);
});
