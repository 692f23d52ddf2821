import { afterEach, expect, test } from "bun:test";
import { join } from "node:path";
import { loadConfig, type LoadConfigOptions } from "../../src/config/load.ts";
import { clearRegisteredSecrets } from "../../src/util/redact.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { spotifyLinks } from "../helpers/link-sources.ts";

afterEach(() => clearRegisteredSecrets());

function options(cwd: string, extra: Partial<LoadConfigOptions> = {}): LoadConfigOptions {
  return { cwd, env: { HOME: join(cwd, "home") }, cliSources: [], overrides: {}, links: spotifyLinks, ...extra };
}

test("the library words load from their own sections; my-playlists writes M3Us unless told not to", async () => {
  using dir = createTempDir();
  dir.write(
    "musicdl.yaml",
    'version: "1.2"\nalbums:\n  - url: saved-albums\n    create_m3u: true\nplaylists:\n  - my-playlists\nartists:\n  - followed-artists\n',
  );
  const config = await loadConfig(options(dir.path));
  expect(config.sources.map((entry) => [entry.section, entry.url, entry.createM3u])).toEqual([
    ["saved-albums", "saved-albums", true],
    ["my-playlists", "my-playlists", true],
    ["followed-artists", "followed-artists", false],
  ]);
});

test("on the command line each library word is a source, and my-playlists writes its M3Us", async () => {
  using dir = createTempDir();
  const config = await loadConfig(
    options(dir.path, { cliSources: ["saved-albums", "followed-artists", "my-playlists", "my-playlists"] }),
  );
  expect(config.sources).toEqual([
    { section: "saved-albums", url: "saved-albums", createM3u: false },
    { section: "followed-artists", url: "followed-artists", createM3u: false },
    { section: "my-playlists", url: "my-playlists", createM3u: true },
  ]);
});

test("a library word in the wrong section is an error naming the section it belongs in", async () => {
  using dir = createTempDir();
  dir.write("musicdl.yaml", 'version: "1.2"\nsongs:\n  - saved-albums\nalbums:\n  - my-playlists\n');
  const error = await loadConfig(options(dir.path)).catch((e) => e);
  expect(error.message).toContain("`saved-albums` is read from `albums:`. Move it there.");
  expect(error.message).toContain("`my-playlists` is read from `playlists:`. Move it there.");
  expect(error.exitCode).toBe(2);
});
