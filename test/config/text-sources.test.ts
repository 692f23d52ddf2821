/** Plain text under `songs:` and on the command line is a search; things that look like broken links stay errors. */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { loadConfig, type LoadConfigOptions } from "../../src/config/load.ts";
import { ConfigError } from "../../src/errors.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { spotifyLinks } from "../helpers/link-sources.ts";

const TRACK = "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi";

function options(cwd: string, extra: Partial<LoadConfigOptions> = {}): LoadConfigOptions {
  return { cwd, env: { HOME: join(cwd, "home") }, cliSources: [], overrides: {}, links: spotifyLinks, ...extra };
}

async function issuesOf(yaml: string): Promise<string[]> {
  using dir = createTempDir();
  dir.write("musicdl.yaml", `version: "1.2"\n${yaml}`);
  try {
    await loadConfig(options(dir.path));
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

test("text under songs: (every entry form) and on the command line is a song to search for", async () => {
  using dir = createTempDir();
  dir.write(
    "musicdl.yaml",
    `version: "1.2"\nsongs:\n  - Rush - YYZ\n  - "Hello by Adele"\n  - Favourite: Bohemian Rhapsody\n  - ${TRACK}\n`,
  );
  const config = await loadConfig(options(dir.path));
  expect(config.sources.map((entry) => [entry.section, entry.url, entry.name ?? null])).toEqual([
    ["songs", "Rush - YYZ", null],
    ["songs", "Hello by Adele", null],
    ["songs", "Bohemian Rhapsody", "Favourite"],
    ["songs", TRACK, null],
  ]);
  const cli = await loadConfig(options(dir.path, { configPath: undefined, cliSources: ["Rush - YYZ", TRACK] }));
  expect(cli.sources.filter((entry) => entry.line === undefined).map((entry) => entry.url)).toEqual([
    "Rush - YYZ",
    TRACK,
  ]);
});

test("the same text written twice (case and spaces aside) is read once, with a warning", async () => {
  using dir = createTempDir();
  dir.write("musicdl.yaml", `version: "1.2"\nsongs:\n  - Rush - YYZ\n  - "rush  -  yyz"\n`);
  const config = await loadConfig(options(dir.path));
  expect(config.sources).toHaveLength(1);
  expect(config.warnings).toEqual(["musicdl.yaml line 4, songs[1]: repeats songs[0] (line 3); it is read once."]);
});

test.each([
  {
    name: "a Spotify link with a typo",
    entry: "https://open.spotify.com/trak/1RKbVxcm267VdsIzqY7msi",
    want: /^songs\[0\]: malformed Spotify link/,
  },
  { name: "a YouTube link", entry: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", want: /is not a Spotify link/ },
  {
    name: "a link without its scheme",
    entry: "open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
    want: /is not a Spotify link/,
  },
  { name: "a URI with a typo", entry: "spotfy:track:1RKbVxcm267VdsIzqY7msi", want: /is not a Spotify link/ },
  {
    name: "a bare Spotify id",
    entry: "1RKbVxcm267VdsIzqY7msi",
    want: /looks like a Spotify id on its own; write it as a link, https:\/\/open\.spotify\.com\/track\/1RKbVxcm267VdsIzqY7msi/,
  },
])("$name under songs: is still an error", async ({ entry, want }) => {
  const issues = await issuesOf(`songs:\n  - "${entry}"\n`);
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatch(want);
});

test("text under albums: is refused, saying plain text works only under songs:", async () => {
  const issues = await issuesOf("albums:\n  - Moving Pictures\n");
  expect(issues).toEqual([
    'albums[0]: "Moving Pictures" is not a Spotify link; expected https://open.spotify.com/album/<22-character id> or spotify:album:<id>. Plain text (a search for one song) works only under `songs:`. Links to other sites need a source plugin.',
  ]);
});
