import { expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { builtinPlugins } from "../../src/plugins/builtin.ts";
import { runCli } from "../helpers/run-cli.ts";
import { providerSource } from "../helpers/plugin-files.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

// Spawned runs load every built-in (~2 s for youtubei.js alone); bunfig has no default-timeout setting that bun reads.
setDefaultTimeout(30_000);

const builtinNames = builtinPlugins.map((builtin) => builtin.name);

test("musicdl plugins --json lists external plugins from --plugins-dir and the XDG folder with their origins", async () => {
  using extra = createTempDir();
  using config = createTempDir();
  const bandcamp = extra.write("bandcamp.ts", providerSource("bandcamp"));
  const local = config.write("musicdl/plugins/local-stash/index.ts", providerSource("local-stash"));
  const result = await runCli(["plugins", "--json", "--plugins-dir", extra.path], {
    env: { XDG_CONFIG_HOME: config.path },
  });
  expect(result.exitCode).toBe(0);
  const listing = JSON.parse(result.stdout);
  expectDocumentedJson("plugins", listing);
  expect(listing.plugins.map((p: { name: string }) => p.name)).toEqual([...builtinNames, "bandcamp", "local-stash"]);
  expect(listing.plugins.slice(builtinNames.length)).toEqual([
    { kind: "provider", name: "bandcamp", version: "1.2.3", description: null, origin: bandcamp, overrides: null },
    { kind: "provider", name: "local-stash", version: "1.2.3", description: null, origin: local, overrides: null },
  ]);
  expect(listing.problems).toEqual([]);
  expect(listing.dirs).toEqual([extra.path, join(config.path, "musicdl", "plugins")]);
});

test("a broken plugin is listed as a problem and warned about on stderr, and the rest still load", async () => {
  using dir = createTempDir();
  dir.write("bandcamp.ts", providerSource("bandcamp"));
  const broken = dir.write(
    "half-done.ts",
    `export default { apiVersion: 1, kind: "provider", name: "half-done", download() {} };`,
  );
  const result = await runCli(["plugins", "--json", "--plugins-dir", dir.path]);
  expect(result.exitCode).toBe(0);
  const listing = JSON.parse(result.stdout);
  expect(listing.plugins.map((p: { name: string }) => p.name)).toContain("bandcamp");
  expect(listing.problems).toEqual([{ name: "half-done", origin: broken, message: "a provider needs search()" }]);
  expect(result.stderr).toContain(`${broken}: a provider needs search() (skipped)`);
});

test("the text listing shows kind, name, version and origin", async () => {
  using dir = createTempDir();
  const file = dir.write("bandcamp.ts", providerSource("bandcamp"));
  const result = await runCli(["plugins", `--plugins-dir=${dir.path}`]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(new RegExp(`provider\\s+bandcamp\\s+1\\.2\\.3\\s+${file.replaceAll("/", "\\/")}`));
});

test("two plugins with one name stop with exit 2 and name the files", async () => {
  using first = createTempDir();
  using second = createTempDir();
  const a = first.write("bandcamp.ts", providerSource("bandcamp"));
  const b = second.write("bandcamp.ts", providerSource("bandcamp"));
  const result = await runCli(["plugins", "--plugins-dir", `${first.path},${second.path}`]);
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain(`error: ${b}: a plugin called "bandcamp" is already loaded (${a})`);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

test("--no-plugins loads only the built-ins", async () => {
  using dir = createTempDir();
  dir.write("bandcamp.ts", providerSource("bandcamp"));
  const result = await runCli(["plugins", "--json", "--no-plugins", "--plugins-dir", dir.path]);
  expect(result.exitCode).toBe(0);
  expect(JSON.parse(result.stdout).plugins.map((p: { name: string }) => p.name)).toEqual(builtinNames);
});

test("a plugin logging request headers never prints the credentials in them", async () => {
  using dir = createTempDir();
  const token = "sk-live-4f9a8b7c6d5e4f3a2b1c";
  const prelude = `
    const headers = new Headers({ Authorization: "Bearer " + process.env.LEAKY_TOKEN, "X-Api-Key": process.env.LEAKY_TOKEN });
    ctx.log.warn("calling the API with", headers, { cookie: "SID=" + process.env.LEAKY_TOKEN, accept: "audio/*" });
    ctx.log.warn("authorization: Bearer " + process.env.LEAKY_TOKEN);`;
  dir.write("leaky.ts", providerSource("leaky", { prelude }));
  const result = await runCli(["plugins", "--plugins-dir", dir.path], { env: { LEAKY_TOKEN: token } });
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toContain("[leaky]");
  expect(result.stderr).toContain("audio/*");
  expect(`${result.stdout}${result.stderr}`).not.toContain(token);
});

test("with a config, the listing gives plugins their options and lists a broken or missing named plugin instead of stopping", async () => {
  using dir = createTempDir();
  const picky = dir.write(
    "plugins/picky.ts",
    providerSource("picky", { prelude: "ctx.v.parse(ctx.v.object({ region: ctx.v.string() }), ctx.options);" }),
  );
  const broken = dir.write(
    "plugins/half-done.ts",
    `export default { apiVersion: 1, kind: "provider", name: "half-done", download() {} };`,
  );
  dir.write(
    "musicdl.yaml",
    [
      'version: "1.2"',
      "download:",
      "  plugins_dir: plugins",
      "  audio_providers: [picky, half-done, nowhere]",
      "plugins:",
      "  picky: { region: eu }",
    ].join("\n"),
  );
  const result = await runCli(["plugins", "--json", "-c", join(dir.path, "musicdl.yaml")]);
  expect(result.exitCode).toBe(0);
  const listing = JSON.parse(result.stdout);
  expect(listing.plugins.find((p: { name: string }) => p.name === "picky")?.origin).toBe(picky);
  expect(listing.problems).toEqual([
    { name: "half-done", origin: broken, message: "a provider needs search()" },
    {
      name: "nowhere",
      origin: "config",
      message: 'download.audio_providers names the plugin "nowhere", but no plugin by that name was found',
    },
  ]);
  expect(listing.dirs[0]).toBe(join(dir.path, "plugins"));
});

test("a lyrics plugin is listed with its kind, beside the built-in lrclib", async () => {
  using dir = createTempDir();
  const file = dir.write(
    "my-lyrics.ts",
    `export default { apiVersion: 1, kind: "lyrics", name: "my-lyrics", version: "0.1.0", lyrics: async () => null };`,
  );
  const result = await runCli(["plugins", `--plugins-dir=${dir.path}`]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(/lyrics\s+lrclib\s+-\s+built-in/);
  expect(result.stdout).toMatch(new RegExp(`lyrics\\s+my-lyrics\\s+0\\.1\\.0\\s+${file.replaceAll("/", "\\/")}`));
});

test("the Spotify source is a built-in plugin like the others, listed as a source", async () => {
  const result = await runCli(["plugins"]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(/source\s+spotify\s+-\s+built-in/);
  const json = JSON.parse((await runCli(["plugins", "--json"])).stdout);
  expect(json.plugins.find((plugin: { name: string }) => plugin.name === "spotify")).toMatchObject({
    kind: "source",
    origin: "built-in",
  });
});
