import { expect, test } from "bun:test";
import { ConfigError, EXIT, type ConfigIssue } from "../../src/errors.ts";
import { loadConfig } from "../../src/config/load.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { spotifyLinks } from "../helpers/link-sources.ts";

const TRACK = "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi";
const ALBUM = "https://open.spotify.com/album/4Gfnly5CzMJQqkUFfoHaP3";
const PLAYLIST = "https://open.spotify.com/playlist/5Xrt7Y1mwD4q107Ty56xnn";

/** Loads `text` as ./musicdl.yaml and returns the issues of the ConfigError it must throw. */
async function issuesOf(text: string): Promise<readonly ConfigIssue[]> {
  using dir = createTempDir();
  dir.write("musicdl.yaml", text);
  const error = await loadConfig({ cwd: dir.path, env: {}, cliSources: [], overrides: {}, links: spotifyLinks }).catch(
    (caught) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).exitCode).toBe(EXIT.USAGE);
  expect((error as ConfigError).file).toBe("musicdl.yaml");
  return (error as ConfigError).issues;
}

interface BadCase {
  name: string;
  yaml: string;
  path: string;
  line: number | undefined;
  message: RegExp;
}

const V = 'version: "1.2"\n';

test.each<BadCase>([
  {
    name: "an empty file",
    yaml: "",
    path: "",
    line: undefined,
    message: /the file is empty.*`version: "1.2"`.*musicdl init/,
  },
  { name: "a file of comments only", yaml: "# todo\n\n", path: "", line: undefined, message: /the file is empty/ },
  {
    name: "a YAML syntax error",
    yaml: `${V}download:\n  threads: 4\n format: mp3\n`,
    path: "",
    line: 4,
    message: /not valid YAML .*indentation/,
  },
  {
    name: "an unclosed quote",
    yaml: `${V}playlists:\n  - "${PLAYLIST}\n  - ${ALBUM}\n`,
    path: "",
    line: 3,
    message: /not valid YAML/,
  },
  {
    name: "a tab used for indentation",
    yaml: `${V}download:\n\tformat: mp3\n`,
    path: "",
    line: 3,
    message: /Tab characters/,
  },
  {
    name: "a list at the top level",
    yaml: `- ${TRACK}\n`,
    path: "",
    line: 1,
    message: /expected a map of keys .* got a list/,
  },
  {
    name: "threads: many",
    yaml: `${V}download:\n  threads: many\n`,
    path: "download.threads",
    line: 3,
    message: /expected a whole number from 1 to 16, got "many"/,
  },
  {
    name: "threads above 16",
    yaml: `${V}download:\n  threads: 32\n`,
    path: "download.threads",
    line: 3,
    message: /from 1 to 16, got 32/,
  },
  {
    name: "format: wma",
    yaml: `${V}download:\n  format: wma\n`,
    path: "download.format",
    line: 3,
    message: /expected one of mp3, m4a, opus, ogg, flac, wav, got "wma"/,
  },
  {
    name: "an unknown overwrite mode",
    yaml: `${V}download:\n  overwrite: always\n`,
    path: "download.overwrite",
    line: 3,
    message: /expected one of skip, overwrite, metadata/,
  },
  {
    name: "a bitrate without its k",
    yaml: `${V}download:\n  bitrate: 320\n`,
    path: "download.bitrate",
    line: 3,
    message: /like 128k or 320k \(with the k\).*got 320/,
  },
  {
    name: "a bad duration",
    yaml: `${V}download:\n  cache_ttl: soon\n`,
    path: "download.cache_ttl",
    line: 3,
    message: /duration like 30s, 10m, 2h, 7d/,
  },
  {
    name: "a bad market",
    yaml: `${V}download:\n  market: USA\n`,
    path: "download.market",
    line: 3,
    message: /two-letter country code/,
  },
  {
    name: "download: not a map",
    yaml: `${V}download: fast\n`,
    path: "download",
    line: 2,
    message: /expected a map of settings/,
  },
  {
    name: "a typo in a download key",
    yaml: `${V}download:\n  formt: mp3\n`,
    path: "download.formt",
    line: 3,
    message: /unknown key `formt` under `download:`. Did you mean `format`\?/,
  },
  {
    name: "a typo in a section name",
    yaml: `${V}playlist:\n  - ${PLAYLIST}\n`,
    path: "playlist",
    line: 2,
    message: /unknown key `playlist` at the top level. Did you mean `playlists`\?/,
  },
  {
    name: "a typo under spotify:",
    yaml: `${V}spotify:\n  client_secert: x\n`,
    path: "spotify.client_secert",
    line: 3,
    message: /Did you mean `client_secret`\?/,
  },
  {
    name: "a typo under rate_limits:",
    yaml: `${V}rate_limits:\n  spotify_retry: 3\n`,
    path: "rate_limits.spotify_retry",
    line: 3,
    message: /Did you mean `spotify_retries`\?/,
  },
  {
    name: "an alias with a wrong type",
    yaml: `${V}threads: lots\n`,
    path: "threads",
    line: 2,
    message: /whole number from 1 to 16, got "lots"/,
  },
  {
    name: "a non-Spotify URL",
    yaml: `${V}songs:\n  - https://www.youtube.com/watch?v=dQw4w9WgXcQ\n`,
    path: "songs[0]",
    line: 3,
    message: /is not a Spotify link; expected https:\/\/open.spotify.com\/track\/.*source plugin/,
  },
  {
    name: "a playlist link under albums:",
    yaml: `${V}albums:\n  - ${ALBUM}\n  - ${PLAYLIST}\n`,
    path: "albums[1]",
    line: 4,
    message: /^this is a playlist link, not an album\. Move it under `playlists:` or use an album URL\.$/,
  },
  {
    name: "an album link under playlists: (map form)",
    yaml: `${V}playlists:\n  mix: ${ALBUM}\n`,
    path: "playlists.mix",
    line: 3,
    message: /^this is an album link, not a playlist\. Move it under `albums:` or use a playlist URL\.$/,
  },
  {
    name: "an album link as a song (extended form)",
    yaml: `${V}songs:\n  - name: x\n    url: ${ALBUM}\n`,
    path: "songs[0].url",
    line: 4,
    message: /this is an album link, not a song\. Move it under `albums:` or use a track URL\./,
  },
  {
    name: "a malformed Spotify URL",
    yaml: `${V}playlists:\n  - https://open.spotify.com/playlist/5Xrt7Y1mw\n`,
    path: "playlists[0]",
    line: 3,
    message:
      /malformed Spotify link .* expected https:\/\/open.spotify.com\/playlist\/<22-character id> or spotify:playlist:<id>/,
  },
  {
    name: "an empty url",
    yaml: `${V}albums:\n  - name: Meteora\n    url: ""\n`,
    path: "albums[0].url",
    line: 4,
    message: /empty link; put an album URL here or remove the entry/,
  },
  {
    name: "an empty one-key entry",
    yaml: `${V}songs:\n  - "YYZ":\n`,
    path: "songs[0].YYZ",
    line: 3,
    message: /empty link/,
  },
  { name: "an empty list item", yaml: `${V}songs:\n  -\n`, path: "songs[0]", line: 3, message: /empty entry/ },
  {
    name: "an extended entry without url",
    yaml: `${V}albums:\n  - name: Meteora\n`,
    path: "albums[0]",
    line: 3,
    message: /entry "Meteora" has no `url`/,
  },
  {
    name: "an extended entry with an unknown key",
    yaml: `${V}albums:\n  - name: Meteora\n    url: ${ALBUM}\n    crate_m3u: true\n`,
    path: "albums[0].crate_m3u",
    line: 5,
    message: /unknown key `crate_m3u` in entry "Meteora"\. Did you mean `create_m3u`\?/,
  },
  {
    name: "create_m3u that is not a boolean",
    yaml: `${V}playlists:\n  - url: ${PLAYLIST}\n    create_m3u: sometimes\n`,
    path: "playlists[0].create_m3u",
    line: 4,
    message: /should be true or false/,
  },
  {
    name: "a section that is not a list",
    yaml: `${V}songs: 42\n`,
    path: "songs",
    line: 2,
    message: /expected a list of entries/,
  },
  {
    name: "saved under albums:",
    yaml: `${V}albums:\n  - saved\n`,
    path: "albums[0]",
    line: 3,
    message: /`saved` \(your liked songs\) is read from `songs:`/,
  },
  {
    name: "a missing version",
    yaml: `playlists:\n  - ${PLAYLIST}\n`,
    path: "version",
    line: undefined,
    message: /missing `version`; add `version: "1.2"`/,
  },
  {
    name: "version 1.0",
    yaml: `version: 1.0\nthreads: 4\nretries: 3\n`,
    path: "version",
    line: 1,
    message: /version 1.0 file.*Migrate it: set `version: "1.2"`, move top-level `retries:`/,
  },
  {
    name: 'version "1.1"',
    yaml: `version: "1.1"\nsongs:\n  - ${TRACK}\n`,
    path: "version",
    line: 1,
    message: /version 1.1 file.*Migrate it/,
  },
  {
    name: "an unknown version",
    yaml: `version: 2\n`,
    path: "version",
    line: 1,
    message: /unsupported version 2; this musicdl reads `version: "1.2"`/,
  },
  {
    name: "thresholds the wrong way round",
    yaml: `${V}match:\n  strong_threshold: 0.5\n  accept_threshold: 0.2\n`,
    path: "match.strong_threshold",
    line: 3,
    message: /must not be above accept_threshold/,
  },
  {
    name: "a negative match weight",
    yaml: `${V}match:\n  weights:\n    kind: -1\n`,
    path: "match.weights.kind",
    line: 4,
    message: /expected a number, 0 or more/,
  },
  {
    name: "plugins: not a map",
    yaml: `${V}plugins: [bandcamp]\n`,
    path: "plugins",
    line: 2,
    message: /map of plugin name to its options/,
  },
])("$name is reported with its path and line", async ({ yaml, path, line, message }) => {
  const issues = await issuesOf(yaml);
  expect(issues).toHaveLength(1);
  expect({ path: issues[0]?.path, line: issues[0]?.line }).toEqual({ path, line });
  expect(issues[0]?.message).toMatch(message);
});

test("every problem in a file is reported at once, in file order", async () => {
  const issues = await issuesOf(
    `${V}download:\n  threads: many\n  format: wma\n  formt: mp3\nalbums:\n  - ${PLAYLIST}\nplaylists:\n  - https://example.com/list\n`,
  );
  expect(issues.map((issue) => [issue.line, issue.path])).toEqual([
    [3, "download.threads"],
    [4, "download.format"],
    [5, "download.formt"],
    [7, "albums[0]"],
    [9, "playlists[0]"],
  ]);
});

test("a client secret of the wrong type is reported without echoing it", async () => {
  const issues = await issuesOf(`${V}download:\n  client_secret: 123456789012\n`);
  expect(issues[0]?.message).toBe("expected text");
});
