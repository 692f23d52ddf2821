/** Spotify links musicdl cannot read, given on the command line: exit 2 and a message that fits the link given. */
import { expect, test } from "bun:test";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

test.each([
  [
    "https://open.spotify.com/intl-de/episode/4rOoJ6Egrf8K2IrywzwOMk?si=abc",
    'SOURCES[1]: "https://open.spotify.com/intl-de/episode/4rOoJ6Egrf8K2IrywzwOMk?si=abc" is a Spotify episode link: musicdl downloads music, not podcasts or audiobooks.',
  ],
  ["spotify:show:5CfCWKI5pZ28U0uOzXkDHe", "is a Spotify show link: musicdl downloads music, not podcasts"],
  [
    "https://open.spotify.com/playlist/",
    'malformed Spotify link "https://open.spotify.com/playlist/"; expected https://open.spotify.com/playlist/<22-character id> or spotify:playlist:<id>.',
  ],
])("musicdl plan %s exits 2 saying what is wrong with that link", async (link, message) => {
  using dir = createTempDir();
  const result = await runCli(["plan", link], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toContain("track/<22-character id>");
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
