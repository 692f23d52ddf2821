import { expect, test } from "bun:test";
import { ConfigError, EXIT } from "../../src/errors.ts";
import type { Plugin, PluginContext, PluginModuleExport } from "../../src/plugins/api.ts";
import { createBasicHttpClient, createPluginContext } from "../../src/plugins/context.ts";
import { loadPlugins, type BuiltinPlugin, type LoadPluginsOptions } from "../../src/plugins/load.ts";
import { providerSource } from "../helpers/plugin-files.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const noop = async () => [];
const builtin = (plugin: Plugin | PluginModuleExport, name = (plugin as Plugin).name): BuiltinPlugin => ({
  name,
  load: async () => plugin,
});
const ytm: Plugin = { apiVersion: 1, kind: "provider", name: "youtube-music", search: noop, download: noop as never };

function load(dirs: string[], extra: Partial<LoadPluginsOptions> = {}) {
  const warnings: string[] = [];
  const options: LoadPluginsOptions = {
    builtins: [builtin(ytm)],
    dirs,
    warn: (message) => warnings.push(message),
    contextFor: (name) =>
      createPluginContext({
        name,
        options: extra.namedInConfig ? { token: 42 } : undefined,
        http: createBasicHttpClient(),
        dirs: { cache: "/nonexistent", temp: "/nonexistent" },
        ffmpegPath: null,
        version: "0.0.0-test",
      }),
    ...extra,
  };
  return { warnings, result: loadPlugins(options) };
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).exitCode).toBe(EXIT.USAGE);
  return error as ConfigError;
}

test("an external provider in a plugin folder is loaded after the built-ins, with its file as origin", async () => {
  using dir = createTempDir();
  const file = dir.write("bandcamp.ts", providerSource("bandcamp"));
  const { result, warnings } = load([dir.path]);
  const { registry, problems } = await result;
  expect(registry.all().map((info) => [info.name, info.origin, info.version])).toEqual([
    ["youtube-music", "built-in", null],
    ["bandcamp", file, "1.2.3"],
  ]);
  expect(problems).toEqual([]);
  expect(warnings).toEqual([]);
});

test("a broken plugin nobody named is skipped with a warning naming the file and what is missing", async () => {
  using dir = createTempDir();
  const file = dir.write(
    "bandcamp.ts",
    `export default { apiVersion: 1, kind: "provider", name: "bandcamp", download() {} };`,
  );
  dir.write("exploding.ts", `throw new Error("missing dependency left-pad");`);
  const { result, warnings } = load([dir.path]);
  const { registry, problems } = await result;
  expect(registry.all().map((info) => info.name)).toEqual(["youtube-music"]);
  expect(problems.map((problem) => [problem.name, problem.message])).toEqual([
    ["bandcamp", "a provider needs search()"],
    ["exploding", "could not be imported: missing dependency left-pad"],
  ]);
  expect(warnings[0]).toBe(`${file}: a provider needs search() (skipped)`);
});

test("a broken plugin named in audio_providers stops the run with exit 2, naming the file", async () => {
  using dir = createTempDir();
  const file = dir.write(
    "bandcamp.ts",
    `export default { apiVersion: 1, kind: "provider", name: "bandcamp", download() {} };`,
  );
  const error = await configErrorOf(
    load([dir.path], { namedInConfig: [{ name: "bandcamp", path: "download.audio_providers" }] }).result,
  );
  expect(error.message).toBe(`${file}: a provider needs search()`);
  expect(error.hint).toContain("download.audio_providers");
});

test("a plugin that throws on import and is named in the config stops the run", async () => {
  using dir = createTempDir();
  dir.write("bandcamp.ts", `throw new Error("boom at import");`);
  const error = await configErrorOf(
    load([dir.path], { namedInConfig: [{ name: "bandcamp", path: "plugins.bandcamp" }] }).result,
  );
  expect(error.message).toEndWith("bandcamp.ts: could not be imported: boom at import");
});

test("a factory rejecting its options names the plugin and the option", async () => {
  using dir = createTempDir();
  const prelude = `ctx.v.parse(ctx.v.object({ token: ctx.v.string() }), ctx.options ?? {});`;
  dir.write("bandcamp.ts", providerSource("bandcamp", { prelude }));
  const error = await configErrorOf(
    load([dir.path], { namedInConfig: [{ name: "bandcamp", path: "plugins.bandcamp" }] }).result,
  );
  expect(error.message).toContain(
    'plugin "bandcamp" failed to start: plugins.bandcamp.token: Invalid type: Expected string but received 42',
  );

  const { result, warnings } = load([dir.path]);
  expect((await result).problems[0]?.message).toContain(
    'plugins.bandcamp.token: Invalid key: Expected "token" but received undefined',
  );
  expect(warnings[0]).toEndWith("(skipped)");
});

test("a plugin taking a built-in's name is a conflict unless it declares overrides", async () => {
  using dir = createTempDir();
  const file = dir.write("youtube-music.ts", providerSource("youtube-music"));
  const error = await configErrorOf(load([dir.path]).result);
  expect(error.message).toContain(`youtube-music.ts: a plugin called "youtube-music" is already loaded (built-in)`);
  expect(error.hint).toContain('overrides: "youtube-music"');

  dir.write("youtube-music.ts", providerSource("youtube-music", { body: `overrides: "youtube-music",` }));
  // A fresh file path, since import() caches by URL.
  using other = createTempDir();
  const replacement = other.write(
    "youtube-music.ts",
    providerSource("youtube-music", { body: `overrides: "youtube-music",` }),
  );
  const { registry } = await load([other.path]).result;
  expect(registry.all().map((info) => [info.name, info.origin])).toEqual([["youtube-music", replacement]]);
  expect(file).not.toBe(replacement);
});

test("an override under another name takes the built-in's place and answers to its name", async () => {
  using dir = createTempDir();
  dir.write("fast-ytm.ts", providerSource("fast-ytm", { body: `overrides: "youtube-music",` }));
  const { registry } = await load([dir.path]).result;
  expect(registry.providersInOrder(["youtube-music"]).map((plugin) => plugin.name)).toEqual(["fast-ytm"]);
});

test("a built-in rejecting the options meant for the plugin overriding it is replaced, not an error", async () => {
  using dir = createTempDir();
  const replacement = dir.write(
    "youtube-music.ts",
    providerSource("youtube-music", { body: `overrides: "youtube-music",`, prelude: "void ctx.options.tone;" }),
  );
  // Like the real built-in: a strict options schema that knows nothing of the replacement's `tone`.
  const strictBuiltin = (ctx: PluginContext): Plugin => {
    ctx.v.parse(ctx.v.strictObject({ cookies: ctx.v.optional(ctx.v.string()) }), ctx.options ?? {});
    return ytm;
  };
  const { result, warnings } = load([dir.path], {
    builtins: [builtin(strictBuiltin, "youtube-music")],
    namedInConfig: [{ name: "youtube-music", path: "plugins.youtube-music" }],
  });
  const { registry, problems } = await result;
  expect(registry.all().map((info) => [info.name, info.origin])).toEqual([["youtube-music", replacement]]);
  expect(problems).toEqual([]);
  expect(warnings).toEqual([]);

  // Without `overrides`, the clash is what the user hears about, not the built-in's complaint about the options.
  using other = createTempDir();
  const clashing = other.write("youtube-music.ts", providerSource("youtube-music"));
  const error = await configErrorOf(
    load([other.path], {
      builtins: [builtin(strictBuiltin, "youtube-music")],
      namedInConfig: [{ name: "youtube-music", path: "plugins.youtube-music" }],
    }).result,
  );
  expect(error.message).toStartWith(`${clashing}: a plugin called "youtube-music" is already loaded (built-in)`);
});

test("two external plugins with one name conflict, naming both files", async () => {
  using first = createTempDir();
  using second = createTempDir();
  const a = first.write("bandcamp.ts", providerSource("bandcamp"));
  second.write("bandcamp/index.ts", providerSource("bandcamp"));
  const error = await configErrorOf(load([first.path, second.path]).result);
  expect(error.message).toContain(`already loaded (${a})`);
});

test("a plugin whose name differs from its file is skipped, since the file name picks its options", async () => {
  using dir = createTempDir();
  dir.write("band.ts", providerSource("bandcamp"));
  const { problems } = await load([dir.path]).result;
  expect(problems[0]?.message).toContain('calls itself "bandcamp" but is loaded as "band"');
});

test("a plugin the config names but no folder holds is a config error; with --no-plugins only a warning", async () => {
  const named = [{ name: "bandcamp", path: "download.audio_providers" }];
  const error = await configErrorOf(load([], { namedInConfig: named, configFile: "musicdl.yaml" }).result);
  expect(error.message).toBe(
    'musicdl.yaml, download.audio_providers: download.audio_providers names the plugin "bandcamp", but no plugin by that name was found',
  );

  using dir = createTempDir();
  dir.write("bandcamp.ts", providerSource("bandcamp"));
  const { result, warnings } = load([dir.path], { namedInConfig: named, noExternal: true });
  const { registry, problems } = await result;
  expect(registry.all().map((info) => info.name)).toEqual(["youtube-music"]);
  expect(problems).toHaveLength(1);
  expect(warnings[0]).toContain("--no-plugins");
  // The run goes on with the built-ins the list names; with none left, it stops.
  expect(registry.providersInOrder(["bandcamp", "youtube-music"]).map((plugin) => plugin.name)).toEqual([
    "youtube-music",
  ]);
  expect(() => registry.providersInOrder(["bandcamp"])).toThrow(
    'download.audio_providers: no provider left to use: download.audio_providers names the plugin "bandcamp", but no plugin by that name was found (external plugins are off: --no-plugins)',
  );
});

test("a built-in given as a factory receives its context", async () => {
  let seenVersion = "";
  const factory: PluginModuleExport = (ctx) => {
    seenVersion = ctx.musicdlVersion;
    return { ...ytm, name: "factory-made" };
  };
  const { registry } = await load([], { builtins: [builtin(factory, "factory-made")] }).result;
  expect(registry.all().map((info) => info.name)).toEqual(["factory-made"]);
  expect(seenVersion).toBe("0.0.0-test");
});
