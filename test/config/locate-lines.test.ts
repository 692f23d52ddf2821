import { expect, test } from "bun:test";
import { createLineLocator, type YamlPath } from "../../src/config/locate-lines.ts";

const TEXT = `# musicdl config
version: "1.2"   # quoted

download:
  threads: 4
  format: mp3 # comment after a value
  audio_providers: [youtube-music, youtube]
  output: |
    {artist}/{title}
songs:
  - https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi
  - "YYZ": https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi
  - name: Crawling
    url: https://open.spotify.com/track/1BfzeCKzo8xSvJcYLmnP8f
    create_m3u: false
albums:
- https://open.spotify.com/album/1BfzeCKzo8xSvJcYLmnP8f
- {name: Meteora, url: "https://open.spotify.com/album/4Gfnly5CzMJQqkUFfoHaP3"}
playlists:
  planet namek: https://open.spotify.com/playlist/5Xrt7Y1mwD4q107Ty56xnn
  'it''s #1': https://open.spotify.com/playlist/5Xrt7Y1mwD4q107Ty56xnn
match:
  weights: { kind: 2 }
`;

const locate = createLineLocator(TEXT);

test.each<{ path: YamlPath; line: number | undefined }>([
  { path: ["version"], line: 2 },
  { path: ["download"], line: 4 },
  { path: ["download", "threads"], line: 5 },
  { path: ["download", "format"], line: 6 },
  { path: ["download", "audio_providers", 1], line: 7 },
  { path: ["download", "output"], line: 8 },
  { path: ["songs", 0], line: 11 },
  { path: ["songs", 1, "YYZ"], line: 12 },
  { path: ["songs", 2], line: 13 },
  { path: ["songs", 2, "name"], line: 13 },
  { path: ["songs", 2, "url"], line: 14 },
  { path: ["songs", 2, "create_m3u"], line: 15 },
  { path: ["albums", 0], line: 17 },
  { path: ["albums", 1, "url"], line: 18 },
  { path: ["playlists", "planet namek"], line: 20 },
  { path: ["playlists", "it's #1"], line: 21 },
  { path: ["match", "weights", "kind"], line: 23 },
  { path: ["songs", 9], line: 10 },
  { path: ["download", "missing"], line: 4 },
  { path: ["nothing"], line: undefined },
])("$path is on line $line", ({ path, line }) => {
  expect(locate(path)).toBe(line);
});

test("a nested list inside a list item finds its items", () => {
  const nested = createLineLocator("a:\n  - - x\n    - y\n  - z\n");
  expect(nested(["a", 0, 1])).toBe(3);
  expect(nested(["a", 1])).toBe(4);
});

test("a byte-order mark and Windows line endings do not shift lines", () => {
  const windows = createLineLocator('\uFEFFversion: "1.2"\r\ndownload:\r\n  threads: 4\r\n');
  expect(windows(["version"])).toBe(1);
  expect(windows(["download", "threads"])).toBe(3);
});
