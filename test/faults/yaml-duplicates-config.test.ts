/** A key written twice in musicdl.yaml is refused (exit 2, both lines named): YAML alone would drop the first. */
import { expect, test } from "bun:test";
import { readConfigText } from "../../src/config/read-config-text.ts";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { spotifyLinks } from "../helpers/link-sources.ts";

const V = 'version: "1.2"\n';
const PLAYLIST = "https://open.spotify.com/playlist/5Xrt7Y1mwD4q107Ty56xnn";
const ALBUM = "https://open.spotify.com/album/4Gfnly5CzMJQqkUFfoHaP3";

test.each([
  {
    name: "two playlists: sections",
    yaml: `${V}playlists:\n  - ${PLAYLIST}\nalbums:\n  - ${ALBUM}\nplaylists:\n  - ${PLAYLIST}\n`,
    line: "error: bad.yaml line 6, playlists: `playlists:` appears twice at the top level (lines 2 and 6); YAML keeps only the last, so line 2 and anything under it would be silently ignored. Merge them into one `playlists:`.",
  },
  {
    name: "two download: sections",
    yaml: `${V}download:\n  format: mp3\nalbums:\n  - ${ALBUM}\ndownload:\n  threads: 2\n`,
    line: "error: bad.yaml line 6, download: `download:` appears twice at the top level (lines 2 and 6);",
  },
  {
    name: "a key twice inside a section",
    yaml: `${V}download:\n  format: mp3\n  threads: 2\n  format: opus\nalbums:\n  - ${ALBUM}\n`,
    line: "error: bad.yaml line 5, download.format: `format:` appears twice in download (lines 3 and 5);",
  },
  {
    name: "a key twice inside a list entry",
    yaml: `${V}playlists:\n  - name: gym\n    url: ${PLAYLIST}\n    name: run\n`,
    line: "error: bad.yaml line 5, playlists[0].name: `name:` appears twice in playlists[0] (lines 3 and 5);",
  },
  {
    name: "a key twice inside a one-line map",
    yaml: `${V}albums:\n  - { name: a, url: "${ALBUM}", name: b }\n`,
    line: "error: bad.yaml line 3, albums[0].name: `name:` appears in albums[0] twice on line 3; YAML keeps only the last, so the first would be silently ignored.",
  },
])("musicdl plan with $name exits 2 naming both lines", async ({ yaml, line }) => {
  using dir = createTempDir();
  dir.write("bad.yaml", yaml);
  const result = await runCli(["plan", "-c", "bad.yaml"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toStartWith(line);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
});

test("text that only looks like a repeated key (a block scalar, two list entries, two maps) is not one", () => {
  const yaml =
    `${V}download:\n  output: |\n    a: 1\n    a: 2\nplaylists:\n  - name: gym\n    url: ${PLAYLIST}\n` +
    `  - name: run\n    url: ${PLAYLIST}\nplugins:\n  one:\n    token: x\n  two:\n    token: y\n` +
    `  three: { kind: 2, "a, b": 1, nested: {kind: 1}, list: [kind, kind] }\n`;
  const result = readConfigText(yaml, spotifyLinks);
  expect(result.ok).toBe(true);
});
