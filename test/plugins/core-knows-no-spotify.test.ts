/** The core is source-neutral: what Spotify is (hosts, URIs, endpoints, fields, its env variables) lives in plugins/spotify. */
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SRC = join(import.meta.dir, "..", "..", "src");
const SPOTIFY_KNOWLEDGE =
  /open\.spotify\.com|api\.spotify\.com|accounts\.spotify\.com|\bspotify:(track|album|playlist|artist|user)\b|snapshot_id|MUSICDL_SPOTIFY/;

test("no file in src/ names a Spotify host, URI, endpoint field or the Spotify origin variables", () => {
  const files = [...new Bun.Glob("**/*.ts").scanSync(SRC)];
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((file) => SPOTIFY_KNOWLEDGE.test(readFileSync(join(SRC, file), "utf8")));
  expect(offenders).toEqual([]);
});
