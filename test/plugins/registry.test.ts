import { expect, test } from "bun:test";
import { ConfigError, PluginError } from "../../src/errors.ts";
import type { LyricsPlugin, Plugin, ProviderPlugin, SourcePlugin, TaggerPlugin } from "../../src/plugins/api.ts";
import { createPluginRegistry, type LoadedPlugin } from "../../src/plugins/registry.ts";

const provider = (name: string, extra: Partial<ProviderPlugin> = {}): ProviderPlugin => ({
  apiVersion: 1,
  kind: "provider",
  name,
  search: async () => [],
  download: async () => {
    throw new Error("unused");
  },
  ...extra,
});
const source = (name: string, prefix: string): SourcePlugin => ({
  apiVersion: 1,
  kind: "source",
  name,
  match: (input) => (input.startsWith(prefix) ? { kind: "track", id: input.slice(prefix.length), input } : null),
  resolve: async () => {
    throw new Error("unused");
  },
});
const tagger = (name: string, formats: TaggerPlugin["formats"]): TaggerPlugin => ({
  apiVersion: 1,
  kind: "tagger",
  name,
  formats,
  write: async () => {},
});
const entries = (...plugins: Plugin[]): LoadedPlugin[] => plugins.map((plugin) => ({ plugin, origin: "built-in" }));

test("the first source whose match recognises the input wins, in load order", () => {
  const registry = createPluginRegistry({ loaded: entries(source("spotify", "spotify:"), source("greedy", "")) });
  expect(registry.findSource("spotify:abc")?.plugin.name).toBe("spotify");
  expect(registry.findSource("spotify:abc")?.ref).toEqual({ kind: "track", id: "abc", input: "spotify:abc" });
  expect(registry.findSource("https://deezer.com/x")?.plugin.name).toBe("greedy");
  expect(createPluginRegistry({ loaded: entries(source("spotify", "spotify:")) }).findSource("nope")).toBeNull();
});

test("a source whose match throws fails as a PluginError naming it", () => {
  const broken: SourcePlugin = {
    ...source("broken", "x"),
    match: () => {
      throw new Error("regex exploded");
    },
  };
  const registry = createPluginRegistry({ loaded: entries(broken) });
  expect(() => registry.findSource("anything")).toThrow(
    new PluginError("broken", "match", new Error("regex exploded")),
  );
});

test("providers come back in audio_providers order; an unknown name is a config error naming it", () => {
  const registry = createPluginRegistry({
    loaded: entries(provider("youtube-music"), provider("bandcamp"), tagger("id3", ["mp3"])),
    configFile: "musicdl.yaml",
  });
  expect(registry.providersInOrder(["bandcamp", "youtube-music"]).map((plugin) => plugin.name)).toEqual([
    "bandcamp",
    "youtube-music",
  ]);
  expect(() => registry.providersInOrder(["youtube-music", "soundcloud"])).toThrow(
    'musicdl.yaml, download.audio_providers: no provider is called "soundcloud"; loaded providers: youtube-music, bandcamp',
  );
  expect(() => registry.providersInOrder(["id3"])).toThrow('"id3" is a tagger, not a provider');
});

test("each format has exactly one tagger; two for one format is a conflict", () => {
  const registry = createPluginRegistry({
    loaded: entries(tagger("id3", ["mp3"]), tagger("vorbis", ["ogg", "opus", "flac"])),
  });
  expect(registry.taggerFor("opus")?.name).toBe("vorbis");
  expect(registry.taggerFor("mp3")?.name).toBe("id3");
  expect(registry.taggerFor("wav")).toBeUndefined();
  const clash = () =>
    createPluginRegistry({ loaded: entries(tagger("id3", ["mp3"]), tagger("other-id3", ["mp3", "wav"])) });
  expect(clash).toThrow(ConfigError);
  expect(clash).toThrow('taggers "id3" (built-in) and "other-id3" both write mp3');
});

test("setup failures name the plugin; dispose runs for every plugin once, even after errors", async () => {
  const calls: string[] = [];
  const registry = createPluginRegistry({
    loaded: entries(
      provider("first", {
        setup: () => void calls.push("setup first"),
        dispose: () => {
          calls.push("dispose first");
          throw new Error("dispose failed");
        },
      }),
      provider("second", {
        setup: async () => {
          throw new Error("no token");
        },
        dispose: async () => void calls.push("dispose second"),
      }),
      provider("third", {
        setup: () => void calls.push("setup third"),
        dispose: () => void calls.push("dispose third"),
      }),
    ),
  });
  await expect(registry.setupAll()).rejects.toThrow("plugin second: setup() failed: no token");
  expect(calls).toEqual(["setup first"]);
  await registry.disposeAll();
  await registry.disposeAll();
  expect(calls).toEqual(["setup first", "dispose first", "dispose second", "dispose third"]);
});

const lyricsPlugin = (name: string): LyricsPlugin => ({
  apiVersion: 1,
  kind: "lyrics",
  name,
  lyrics: async () => null,
});

test("lyrics plugins come in download.lyrics order; an unknown or wrong-kind name is a config error", () => {
  const registry = createPluginRegistry({
    loaded: entries(lyricsPlugin("lrclib"), lyricsPlugin("genius-box"), tagger("id3", ["mp3"])),
  });
  expect(registry.lyricsInOrder(["genius-box", "lrclib"]).map((plugin) => plugin.name)).toEqual([
    "genius-box",
    "lrclib",
  ]);
  expect(registry.lyricsInOrder([])).toEqual([]);
  expect(() => registry.lyricsInOrder(["musixmatch"])).toThrow(
    'no lyrics plugin is called "musixmatch"; loaded lyrics plugins: lrclib, genius-box',
  );
  expect(() => registry.lyricsInOrder(["id3"])).toThrow('"id3" is a tagger, not a lyrics plugin');
  expect(registry.all().map((info) => info.kind)).toEqual(["lyrics", "lyrics", "tagger"]);
});
