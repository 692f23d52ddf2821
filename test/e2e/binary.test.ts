/**
 * The release binary on its own: built with `bun build --compile --minify`, run from a folder with no source tree
 * and no node_modules, against the offline fakes. Covers what a user of the downloaded binary does first:
 * --version, --help, plan, download, and external plugins beside the binary and from the config's plugins_dir.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseFile } from "music-metadata";
import { VERSION } from "../../src/version.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { startFakeWorld, type FakeWorld } from "../../fakes/world.ts";
import { installCompiledBinary } from "../helpers/compiled-binary.ts";
import { makeTone } from "../helpers/make-tone.ts";
import { runCli } from "../helpers/run-cli.ts";
import { providerSource } from "../helpers/plugin-files.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const REPO = join(import.meta.dir, "..", "..");

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

describe("the compiled binary", () => {
  const root = createTempDir("musicdl-binary-e2e-");
  let world: FakeWorld;
  let binary: string;
  let env: Record<string, string>;
  /** The user's folder: no src/, no node_modules, no package.json. */
  const work = join(root.path, "work");

  beforeAll(async () => {
    [binary, world] = await Promise.all([
      installCompiledBinary(join(root.path, "bin")),
      startFakeWorld({ catalog: createSmallCatalog() }),
    ]);
    env = {
      ...world.env,
      HOME: join(root.path, "home"),
      XDG_CONFIG_HOME: join(root.path, "home", "config"),
      XDG_CACHE_HOME: join(root.path, "home", "cache"),
    };
    await Bun.write(join(work, "demo.yaml"), Bun.file(join(REPO, "examples", "demo", "musicdl.yaml")));
  });
  afterAll(async () => {
    await world?.stop();
    root[Symbol.dispose]();
  });

  const musicdl = (args: string[]) => runCli(args, { executable: binary, cwd: work, env });

  test("--version and --help answer without any source tree around", async () => {
    expect(readdirSync(work)).toEqual(["demo.yaml"]);
    const version = await musicdl(["--version"]);
    expect(version).toEqual({ exitCode: 0, stdout: `${VERSION}\n`, stderr: "" });
    const help = await musicdl(["--help"]);
    expect(help.exitCode).toBe(0);
    for (const command of ["download", "plan", "doctor"]) expect(help.stdout).toContain(command);
  }, 30_000);

  test("plan --json, then download, write every planned track as a tagged mp3", async () => {
    const plan = await musicdl(["plan", "--json", "-c", "demo.yaml", "-o", "music"]);
    expect(plan.exitCode).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.failed_sources).toEqual([]);
    expect(planned.stats.to_download).toBeGreaterThan(0);

    const download = await musicdl(["download", "-c", "demo.yaml", "-o", "music", "--quiet"]);
    expect(download.stderr).toContain("failed 0");
    expect(download.exitCode).toBe(0);
    const mp3s = listFiles(join(work, "music")).filter((file) => file.endsWith(".mp3"));
    expect(mp3s).toHaveLength(planned.stats.to_download);
    const playlists = listFiles(join(work, "music")).filter((file) => file.endsWith(".m3u8"));
    expect(playlists).toHaveLength(planned.stats.m3u);
    const single = mp3s.find((file) => relative(join(work, "music"), file).includes("Lanterns"))!;
    const { common } = await parseFile(single);
    expect(common.title).toBe("Lanterns");
    expect(common.artists).toEqual(["Harbor Lights", "Mira Vale"]);
  }, 60_000);

  test("loads a plugin beside the binary and one from plugins_dir, and downloads through the external provider", async () => {
    // A provider beside the binary (yt-dlp's convention) and the local-folder example in the config's plugins_dir.
    const beside = join(root.path, "bin", "plugins", "beside-binary.ts");
    await Bun.write(beside, providerSource("beside-binary"));
    const extraDir = join(work, "extra-plugins");
    const localFolder = join(extraDir, "local-folder.ts");
    await Bun.write(localFolder, Bun.file(join(REPO, "examples", "plugins", "local-folder.ts")));

    // The rip the local-folder provider serves: as long as the Spotify track, so the scorer accepts it.
    const rips = join(work, "rips");
    mkdirSync(rips, { recursive: true });
    await makeTone({ codec: "mp3", seconds: 201, file: join(rips, "Harbor Lights - Lanterns.mp3") });
    const config = join(work, "local.yaml");
    writeFileSync(
      config,
      [
        'version: "1.2"',
        "download:",
        '  output: "{artist}/{title}.{output-ext}"',
        "  format: mp3",
        "  bitrate: auto",
        "  audio_providers: [local-folder]",
        "  plugins_dir: [./extra-plugins]",
        "plugins:",
        "  local-folder:",
        `    folder: ${rips}`,
        "songs:",
        `  - https://open.spotify.com/track/${SMALL.singleTrackId}`,
        "",
      ].join("\n"),
    );

    const listing = await musicdl(["plugins", "--json", "-c", config]);
    expect(listing.stderr).toBe("");
    expect(listing.exitCode).toBe(0);
    const { plugins } = JSON.parse(listing.stdout) as { plugins: { name: string; origin: string }[] };
    expect(plugins.filter((p) => p.origin !== "built-in").map((p) => [p.name, p.origin])).toEqual([
      ["local-folder", localFolder],
      ["beside-binary", beside],
    ]);

    const searchesBefore = world.youtube.requests.length;
    const download = await musicdl(["download", "-c", config, "-o", "local-music", "--quiet"]);
    expect(download.stderr).toContain("failed 0");
    expect(download.exitCode).toBe(0);
    const file = join(work, "local-music", "Harbor Lights", "Lanterns.mp3");
    expect(listFiles(join(work, "local-music"))).toEqual([file]);
    const { common, format } = await parseFile(file, { duration: true });
    expect(common.title).toBe("Lanterns");
    expect(common.album).toBe("Lanterns");
    expect(Math.round(format.duration ?? 0)).toBe(201);
    // The external provider served it: YouTube was never asked.
    expect(world.youtube.requests.length).toBe(searchesBefore);
  }, 60_000);
});
