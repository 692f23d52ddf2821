import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog } from "../../fakes/spotify/index.ts";
import { startFakeWorld, type FakeWorld } from "../../fakes/world.ts";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { providerSource } from "../helpers/plugin-files.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

interface Report {
  ok: boolean;
  checks: { name: string; status: "ok" | "warn" | "fail"; summary: string; fix?: string }[];
}

describe("musicdl doctor", () => {
  let world: FakeWorld;
  beforeAll(async () => {
    world = await startFakeWorld({ catalog: createSmallCatalog(), decoys: false });
  });
  afterAll(() => world.stop());

  test("on a machine without ffmpeg or Spotify credentials it names each missing piece, how to fix it, and exits 1", async () => {
    using dir = createTempDir("musicdl-doctor-");
    // A PATH holding only bun: no ffmpeg anywhere musicdl looks.
    const bin = join(dir.path, "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "bun"));
    const result = await runCli(["doctor"], {
      cwd: dir.path,
      env: { PATH: bin, MUSICDL_FFMPEG: undefined, MUSICDL_YOUTUBE_ORIGIN: world.youtube.origin },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/FAIL\s+ffmpeg\s+ffmpeg was not found/);
    expect(result.stdout).toContain("fix: Install ffmpeg");
    expect(result.stdout).toMatch(
      /FAIL\s+spotify\s+no Spotify app credentials: SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET/,
    );
    expect(result.stdout).toContain("https://developer.spotify.com/dashboard");
    expect(result.stdout).toContain("http://127.0.0.1:8888/callback");
    expect(result.stdout).toContain("musicdl init");
    expect(result.stdout).toMatch(/ok\s+youtube/);
    expect(result.stdout).toContain("2 problem(s) to fix");
  });

  test("with ffmpeg, accepted credentials, a writable library and reachable services, --json says all is well and exits 0", async () => {
    using dir = createTempDir("musicdl-doctor-");
    const config = join(dir.path, "musicdl.yaml");
    writeFileSync(
      config,
      `version: "1.2"\ndownload:\n  format: opus\n  cache_path: ${join(dir.path, "state.sqlite")}\n`,
    );
    const result = await runCli(["doctor", "--json", "-c", config, "-o", join(dir.path, "music")], {
      cwd: dir.path,
      env: world.env,
    });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expectDocumentedJson("doctor", report);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ["config", "ok"],
      ["ffmpeg", "ok"],
      ["encoders", "ok"],
      ["output", "ok"],
      ["cache", "ok"],
      ["plugins", "ok"],
      // Each plugin's own check, in load order: the source's credentials, then the provider's service.
      ["spotify", "ok"],
      ["youtube", "ok"],
    ]);
    expect(report.checks.find((check) => check.name === "spotify")?.summary).toContain(world.spotify.accountsUrl);
    // One token request, and nothing else sent to Spotify's Web API.
    expect(world.spotify.apiRequests()).toEqual([]);
  });

  test("credentials Spotify refuses and a provider no plugin offers are named, without printing the secret", async () => {
    using dir = createTempDir("musicdl-doctor-");
    const secret = "definitely-not-the-secret-0042";
    writeFileSync(
      join(dir.path, "musicdl.yaml"),
      'version: "1.2"\ndownload:\n  audio_providers: [bandcamp, youtube-music]\n',
    );
    const result = await runCli(["doctor", "--json"], {
      cwd: dir.path,
      env: { ...world.env, SPOTIFY_CLIENT_SECRET: secret },
    });
    expect(result.exitCode).toBe(1);
    const spotify = (JSON.parse(result.stdout) as Report).checks.find((check) => check.name === "spotify");
    expect(spotify?.status).toBe("fail");
    expect(spotify?.summary).toContain("Spotify refused the token request");
    expect(spotify?.fix).toContain("https://developer.spotify.com/dashboard");
    const plugins = (JSON.parse(result.stdout) as Report).checks.find((check) => check.name === "plugins");
    expect(plugins?.status).toBe("fail");
    expect(plugins?.summary).toContain('names the plugin "bandcamp"');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  test("a plugin's own check is listed under the id it gives, and a failing one makes doctor exit 1", async () => {
    using dir = createTempDir("musicdl-doctor-");
    dir.write(
      "plugins/bandcamp.ts",
      providerSource("bandcamp", {
        body: `check: () => ({ status: "fail", summary: "bandcamp.example answered 503", fix: "Try again later." }),`,
      }),
    );
    writeFileSync(
      join(dir.path, "musicdl.yaml"),
      `version: "1.2"\ndownload:\n  plugins_dir: ${join(dir.path, "plugins")}\n  cache_path: ${join(dir.path, "state.sqlite")}\n`,
    );
    const result = await runCli(["doctor", "--json", "-o", join(dir.path, "music")], { cwd: dir.path, env: world.env });
    expect(result.exitCode).toBe(1);
    const checks = (JSON.parse(result.stdout) as Report).checks;
    expect(checks.find((check) => check.name === "bandcamp")).toEqual({
      name: "bandcamp",
      status: "fail",
      summary: "bandcamp.example answered 503",
      fix: "Try again later.",
    });
    expect(checks.find((check) => check.name === "plugins")?.status).toBe("ok");
    expect(checks.find((check) => check.name === "youtube")?.status).toBe("ok");
  });

  test("a MUSICDL_YOUTUBE_ORIGIN that is not a URL is named, with the plugins it stops", async () => {
    using dir = createTempDir("musicdl-doctor-");
    const result = await runCli(["doctor", "--json", "-o", join(dir.path, "music")], {
      cwd: dir.path,
      env: { ...world.env, HOME: dir.path, MUSICDL_YOUTUBE_ORIGIN: "notaurl" },
    });
    expect(result.exitCode).toBe(1);
    const plugins = (JSON.parse(result.stdout) as Report).checks.find((check) => check.name === "plugins");
    expect(plugins?.status).toBe("fail");
    expect(plugins?.summary).toContain('youtube-music (built-in): plugin "youtube-music" failed to start');
    expect(plugins?.summary).toContain('MUSICDL_YOUTUBE_ORIGIN="notaurl" is not a URL');
  });
});
