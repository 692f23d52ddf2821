/** Broken, clashing and failing external plugins through a spawned `musicdl download`: what the user sees and the exit code. */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { createRunDir, readTags, startPluginWorld, type PluginWorld } from "../helpers/plugin-run.ts";
import { missingSearchSource, throwsOnImportSource, toneProviderSource } from "../helpers/tone-provider.ts";

// Each spawned run pays for loading the built-ins (youtubei.js alone takes ~2 s under `bun src/main.ts`).
setDefaultTimeout(30_000);

let world: PluginWorld;
beforeAll(async () => {
  world = await startPluginWorld();
});
afterAll(() => world.stop());

const mp3s = (files: string[]) => files.filter((file) => file.endsWith(".mp3"));

describe("a plugin that does not load", () => {
  test("found in a folder but not named by the config: a warning naming the file, and the run finishes with 0", async () => {
    using dir = createRunDir(world);
    dir.write("my-plugins/tone-box.ts", toneProviderSource("tone-box"));
    dir.write("my-plugins/half-done.ts", missingSearchSource("half-done"));
    dir.write("my-plugins/exploding.ts", throwsOnImportSource());
    dir.writeConfig({
      audioProviders: ["tone-box"],
      pluginsDir: "my-plugins",
      plugins: { "tone-box": { tone: world.tone } },
    });

    const run = await dir.run(["download"]);
    expect(run).toMatchObject({ exitCode: 0 });
    expect(run.stderr).toContain("my-plugins/half-done.ts: a provider needs search() (skipped)");
    expect(run.stderr).toContain(
      "my-plugins/exploding.ts: could not be imported: cannot find the bandcamp session file (skipped)",
    );
    expect(mp3s(dir.libraryFiles())).toHaveLength(3);
  });

  test.each([
    {
      name: "half-done",
      source: missingSearchSource("half-done"),
      problem: "a provider needs search()",
    },
    {
      name: "exploding",
      source: throwsOnImportSource(),
      problem: "could not be imported: cannot find the bandcamp session file",
    },
  ])(
    "named in audio_providers ($name): exit 2 naming the file and what is wrong, nothing downloaded",
    async ({ name, source, problem }) => {
      using dir = createRunDir(world);
      dir.write(`my-plugins/${name}.ts`, source);
      dir.writeConfig({ audioProviders: [name], pluginsDir: "my-plugins" });

      const requestsBefore = world.spotify.apiRequests().length;
      const run = await dir.run(["download"]);
      expect(run).toMatchObject({ exitCode: 2 });
      expect(run.stderr).toContain(`error: my-plugins/${name}.ts: ${problem}`);
      expect(run.stderr).toContain("download.audio_providers");
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(world.spotify.apiRequests().length).toBe(requestsBefore);
      expect(dir.libraryFiles()).toEqual([]);
    },
  );

  test("a factory that rejects its options: exit 2 naming plugins.<name>.<field>", async () => {
    using dir = createRunDir(world);
    dir.write("my-plugins/tone-box.ts", toneProviderSource("tone-box"));
    dir.writeConfig({ audioProviders: ["tone-box"], pluginsDir: "my-plugins", plugins: { "tone-box": { tone: 42 } } });

    const run = await dir.run(["download"]);
    expect(run).toMatchObject({ exitCode: 2 });
    expect(run.stderr).toContain('my-plugins/tone-box.ts: plugin "tone-box" failed to start: plugins.tone-box.tone:');
    expect(run.stderr).toContain("received 42");
  });
});

describe("a plugin with a built-in's name", () => {
  test("without overrides: exit 2 naming both origins", async () => {
    using dir = createRunDir(world);
    dir.write("my-plugins/youtube-music.ts", toneProviderSource("youtube-music"));
    dir.writeConfig({
      audioProviders: ["youtube-music"],
      pluginsDir: "my-plugins",
      plugins: { "youtube-music": { tone: world.tone } },
    });

    const run = await dir.run(["download"]);
    expect(run).toMatchObject({ exitCode: 2 });
    expect(run.stderr).toContain(
      'error: my-plugins/youtube-music.ts: a plugin called "youtube-music" is already loaded (built-in)',
    );
    expect(run.stderr).toContain('overrides: "youtube-music"');
  });

  test('with overrides: "youtube-music": it replaces the built-in and serves the run', async () => {
    using dir = createRunDir(world);
    dir.write("my-plugins/youtube-music.ts", toneProviderSource("youtube-music", { overrides: "youtube-music" }));
    dir.writeConfig({
      audioProviders: ["youtube-music"],
      pluginsDir: "my-plugins",
      plugins: { "youtube-music": { tone: world.tone } },
    });

    const run = await dir.run(["download"]);
    expect(run).toMatchObject({ exitCode: 0 });
    const files = mp3s(dir.libraryFiles());
    expect(files).toHaveLength(3);
    // The built-in would have gone to YouTube (unreachable here) and left a youtube.com URL in the comment.
    const tags = await readTags(join(dir.library, files[0]!));
    expect(tags.comment).toStartWith("https://tone.example/youtube-music/");
  });
});

test("a provider whose search throws fails only the tracks no other provider has, naming plugin and method", async () => {
  using dir = createRunDir(world);
  dir.write(
    "my-plugins/flaky.ts",
    toneProviderSource("flaky", { onSearch: 'throw new Error("the tone API is down");' }),
  );
  // The second provider has everything but Undertow, so only Undertow depends on flaky alone.
  dir.write(
    "my-plugins/tone-box.ts",
    toneProviderSource("tone-box", { onSearch: 'if (track.title === "Undertow") return [];' }),
  );
  dir.writeConfig({
    audioProviders: ["flaky", "tone-box"],
    pluginsDir: "my-plugins",
    plugins: { flaky: { tone: world.tone }, "tone-box": { tone: world.tone } },
  });

  const run = await dir.run(["download"]);
  expect(run).toMatchObject({ exitCode: 1 });
  expect(mp3s(dir.libraryFiles())).toEqual([
    "Harbor Lights/Paper Boats/01 - Lanterns.mp3",
    "Harbor Lights/Paper Boats/02 - Tide Tables.mp3",
  ]);
  expect(run.stderr).toMatch(/failed Harbor Lights - Undertow.*plugin flaky: search\(\) failed: the tone API is down/);
});
