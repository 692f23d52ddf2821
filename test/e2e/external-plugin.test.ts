/** An external provider, written by a user as a plain .ts file, found and used by a real `musicdl download`. */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { ALBUM_TITLES, createRunDir, readTags, startPluginWorld, type PluginWorld } from "../helpers/plugin-run.ts";
import { toneProviderSource } from "../helpers/tone-provider.ts";

// Each spawned run pays for loading the built-ins (youtubei.js alone takes ~2 s under `bun src/main.ts`).
setDefaultTimeout(30_000);

let world: PluginWorld;
beforeAll(async () => {
  world = await startPluginWorld();
});
afterAll(() => world.stop());

const expectedFiles = [
  "Harbor Lights/Paper Boats/01 - Lanterns.mp3",
  "Harbor Lights/Paper Boats/01 - Undertow.mp3",
  "Harbor Lights/Paper Boats/02 - Tide Tables.mp3",
];

test("a provider in the config's plugins_dir (relative to the config file) downloads the album, tagged, and is listed", async () => {
  using dir = createRunDir(world);
  const pluginFile = dir.write("my-plugins/tone-box.ts", toneProviderSource("tone-box"));
  dir.writeConfig({
    audioProviders: ["tone-box"],
    pluginsDir: "my-plugins",
    plugins: { "tone-box": { tone: world.tone } },
  });

  const run = await dir.run(["download"]);
  expect(run).toMatchObject({ exitCode: 0 });
  expect(dir.libraryFiles().filter((file) => file.endsWith(".mp3"))).toEqual(expectedFiles);
  const tags = await Promise.all(expectedFiles.map((file) => readTags(join(dir.library, file))));
  expect(tags.map((tag) => tag.title).sort()).toEqual([...ALBUM_TITLES].sort());
  for (const tag of tags) {
    expect(tag).toMatchObject({ codec: "MPEG 1 Layer 3", album: "Paper Boats", hasCover: true });
    expect(tag.artist).toStartWith("Harbor Lights");
    expect(tag.comment).toStartWith("https://tone.example/tone-box/");
  }

  const listing = await dir.run(["plugins", "--json"]);
  expect(listing.exitCode).toBe(0);
  const { plugins, problems, dirs } = JSON.parse(listing.stdout);
  expect(plugins.find((plugin: { name: string }) => plugin.name === "tone-box")).toEqual({
    kind: "provider",
    name: "tone-box",
    version: "0.3.0",
    description: null,
    origin: pluginFile,
    overrides: null,
  });
  expect(problems).toEqual([]);
  expect(dirs[0]).toBe(join(dir.path, "my-plugins"));
});

test("a provider in $XDG_CONFIG_HOME/musicdl/plugins is found without any plugins_dir", async () => {
  using dir = createRunDir(world);
  // No plugins_dir: the only way to tone-box is the XDG folder (a folder plugin, name/index.ts).
  dir.write("xdg-config/musicdl/plugins/tone-box/index.ts", toneProviderSource("tone-box"));
  dir.writeConfig({ audioProviders: ["tone-box"], plugins: { "tone-box": { tone: world.tone } } });

  const run = await dir.run(["download"]);
  expect(run).toMatchObject({ exitCode: 0 });
  expect(dir.libraryFiles().filter((file) => file.endsWith(".mp3"))).toEqual(expectedFiles);
});
