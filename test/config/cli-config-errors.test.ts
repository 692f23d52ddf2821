import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.ts";
import { createSmallCatalog, SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

// The real CLI on a bad config: exit 2, one readable line per problem with its line and path, no stack trace.
const V = 'version: "1.2"\n';
const ALBUM = "https://open.spotify.com/album/4Gfnly5CzMJQqkUFfoHaP3";
const PLAYLIST = "https://open.spotify.com/playlist/5Xrt7Y1mwD4q107Ty56xnn";

test.each([
  { name: "an empty file", yaml: "", lines: [/^error: bad\.yaml: the file is empty\./] },
  {
    name: "a YAML syntax error",
    yaml: `${V}download:\n  threads: 4\n format: mp3\n`,
    lines: [/^error: bad\.yaml line 4: not valid YAML/],
  },
  {
    name: "wrong types",
    yaml: `${V}download:\n  threads: many\n  format: wma\n`,
    lines: [
      /^error: bad\.yaml line 3, download\.threads: expected a whole number from 1 to 16, got "many"$/,
      /^bad\.yaml line 4, download\.format: expected one of mp3, m4a, opus, ogg, flac, wav, got "wma"$/,
    ],
  },
  {
    name: "a non-Spotify URL",
    yaml: `${V}songs:\n  - https://soundcloud.com/a/b\n`,
    lines: [/^error: bad\.yaml line 3, songs\[0\]: "https:\/\/soundcloud\.com\/a\/b" is not a Spotify link/],
  },
  {
    name: "a playlist URL under albums:",
    yaml: `${V}albums:\n  - ${PLAYLIST}\n`,
    lines: [
      /^error: bad\.yaml line 3, albums\[0\]: this is a playlist link, not an album\. Move it under `playlists:` or use an album URL\.$/,
    ],
  },
  {
    name: "a malformed Spotify URL",
    yaml: `${V}albums:\n  - spotify:album:nope\n`,
    lines: [/^error: bad\.yaml line 3, albums\[0\]: malformed Spotify link/],
  },
  {
    name: "an empty url",
    yaml: `${V}playlists:\n  - name: gym\n    url:\n`,
    lines: [/^error: bad\.yaml line 4, playlists\[0\]\.url: empty link; put a playlist URL here/],
  },
  {
    name: "an extended entry with an unknown key",
    yaml: `${V}albums:\n  - name: Meteora\n    url: ${ALBUM}\n    m3u: true\n`,
    lines: [/^error: bad\.yaml line 5, albums\[0\]\.m3u: unknown key `m3u` in entry "Meteora"\./],
  },
  {
    name: "an unknown key",
    yaml: `${V}download:\n  bitrat: 320k\n`,
    lines: [
      /^error: bad\.yaml line 3, download\.bitrat: unknown key `bitrat` under `download:`\. Did you mean `bitrate`\?$/,
    ],
  },
  {
    name: "a client secret of the wrong type (the message names the key, and is not redacted into nonsense)",
    yaml: `${V}download:\n  client_secret: 123456789012\n`,
    lines: [/^error: bad\.yaml line 3, download\.client_secret: expected text$/],
  },
  {
    name: "a typo in the output template (refused before any Spotify request, with its line)",
    yaml: `${V}download:\n  output: "{artist}/{albun}/{title}.{output-ext}"\nalbums:\n  - ${ALBUM}\n`,
    lines: [
      /^error: bad\.yaml line 3, download\.output: unknown variable \{albun\}; did you mean \{album\}\?, got "\{artist\}\/\{albun\}\/\{title\}\.\{output-ext\}"$/,
    ],
  },
  {
    name: "a missing version",
    yaml: `albums:\n  - ${ALBUM}\n`,
    lines: [/^error: bad\.yaml, version: missing `version`/],
  },
  {
    name: "version 1.0",
    yaml: `version: 1.0\nthreads: 4\n`,
    lines: [/^error: bad\.yaml line 1, version: this is a version 1\.0 file.*Migrate it/],
  },
  {
    name: "version 1.1",
    yaml: `version: 1.1\nretries: 3\n`,
    lines: [/^error: bad\.yaml line 1, version: this is a version 1\.1 file.*Migrate it/],
  },
])("musicdl plan -c bad.yaml with $name exits 2 with one line per problem", async ({ yaml, lines }) => {
  using dir = createTempDir();
  dir.write("bad.yaml", yaml);
  const result = await runCli(["plan", "-c", "bad.yaml"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  const printed = result.stderr.trimEnd().split("\n");
  expect(printed).toHaveLength(lines.length);
  for (const [index, line] of printed.entries()) expect(line).toMatch(lines[index]!);
});

test("musicdl download -c with a missing file names the path and exits 2", async () => {
  using dir = createTempDir();
  const result = await runCli(["download", "-c", "nowhere.yaml"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toStartWith("error: nowhere.yaml: config file not found. Check the --config path");
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

test("a repeated entry is a warning, not an error", async () => {
  using dir = createTempDir();
  const spotify = startFakeSpotify({ catalog: createSmallCatalog() });
  const album = `https://open.spotify.com/album/${SMALL.albumId}`;
  dir.write("musicdl.yaml", `${V}albums:\n  - ${album}\n  - ${album}\n`);
  const env = {
    MUSICDL_SPOTIFY_API_URL: spotify.apiUrl,
    MUSICDL_SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
    SPOTIFY_CLIENT_ID: spotify.clientId,
    SPOTIFY_CLIENT_SECRET: spotify.clientSecret,
  };
  const result = await runCli(["plan"], { cwd: dir.path, env }).finally(() => spotify.stop());
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toContain("musicdl.yaml line 4, albums[1]: repeats albums[0] (line 3); it is read once.");
});

test("a config saved in a Windows code page (not UTF-8) names the line and how to save it, instead of mangling names", async () => {
  using dir = createTempDir();
  const latin1 = `${V}playlists:\r\n  - name: "R\xe9sum\xe9"\r\n    url: ${PLAYLIST}\r\n`;
  writeFileSync(join(dir.path, "bad.yaml"), Buffer.from(latin1, "latin1"));
  const result = await runCli(["plan", "-c", "bad.yaml"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.trimEnd()).toMatch(/^error: bad\.yaml line 3: the file is not UTF-8 text.*Save it as UTF-8/);
});

test("a config saved as UTF-16 (Windows Notepad's Unicode) still loads", async () => {
  using dir = createTempDir();
  const text = `\uFEFF${V}songs:\n  - https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi\n`;
  writeFileSync(join(dir.path, "musicdl.yaml"), Buffer.from(text, "utf16le"));
  // No credentials: the config loads, then the run stops at the missing Spotify app (not at the file).
  const result = await runCli(["plan"], {
    cwd: dir.path,
    env: { SPOTIFY_CLIENT_ID: undefined, SPOTIFY_CLIENT_SECRET: undefined, XDG_CONFIG_HOME: dir.path },
  });
  expect(result.stderr).not.toContain("musicdl.yaml line");
  expect(result.stderr).toContain("client");
});
