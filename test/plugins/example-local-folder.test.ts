import { afterAll, beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { ConfigError } from "../../src/errors.ts";
import type { ProviderPlugin, TrackMeta } from "../../src/plugins/api.ts";
import { createBasicHttpClient, createPluginContext } from "../../src/plugins/context.ts";
import { loadPlugins } from "../../src/plugins/load.ts";
import { describeProviderContract } from "../../contract/provider-contract.ts";
import { makeToneFile } from "../../contract/audio-probe.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";
import { type TempDir, createTempDir } from "../helpers/temp-dir.ts";

const EXAMPLES = join(import.meta.dir, "..", "..", "examples", "plugins");

const yyz: TrackMeta = makeTrack({
  id: "1RKbVxcm267VdsIzqY7msi",
  album: makeAlbum({ id: "a", images: [] }),
  durationMs: 1000,
});

let music: TempDir;
beforeAll(async () => {
  music = createTempDir("musicdl-local-folder-");
  await makeToneFile(music.path, "mp3", "Rush - YYZ");
  await makeToneFile(music.path, "m4a", "Rush - Limelight");
});
afterAll(() => music[Symbol.dispose]());

/** Through the real loader, as a user's config would: `audio_providers: [local-folder]`, `plugins.local-folder`. */
async function loadExample(options: unknown): Promise<ProviderPlugin> {
  const { registry } = await loadPlugins({
    builtins: [],
    dirs: [EXAMPLES],
    namedInConfig: [{ name: "local-folder", path: "download.audio_providers" }],
    contextFor: (name) =>
      createPluginContext({
        name,
        options,
        http: createBasicHttpClient(),
        dirs: { cache: music.path, temp: music.path },
        ffmpegPath: null,
        version: "test",
      }),
  });
  return registry.providersInOrder(["local-folder"])[0]!;
}

describeProviderContract("local-folder example", () => loadExample({ folder: music.path }), { track: yyz });

test("the example finds the file by title and describes it from the file itself", async () => {
  const plugin = await loadExample({ folder: music.path });
  const [candidate, ...rest] = await plugin.search(yyz, { limit: 5 });
  expect(rest).toEqual([]);
  expect(candidate).toMatchObject({
    provider: "local-folder",
    id: "Rush - YYZ.mp3",
    title: "YYZ",
    artists: ["Rush"],
    kind: "song",
  });
  expect(Math.abs(candidate!.durationMs - 1000)).toBeLessThan(100);
});

test("the example without its folder option stops the run with exit 2, naming the option", async () => {
  const error = await loadExample({}).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toContain(
    'plugin "local-folder" failed to start: plugins.local-folder.folder: Invalid key',
  );
});
