/**
 * The user's own library as sources, through the spawned CLI: `auth login` against the fake accounts service (the
 * test plays the browser), then `plan --json saved-albums | followed-artists | my-playlists`.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../../src/errors.ts";
import { SMALL } from "../../fakes/spotify/index.ts";
import { createLibraryCatalog, LIBRARY } from "../../fakes/spotify/library-catalog.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { createLibraryRun, type LibraryRun, spotifyUrl } from "./_library-run.ts";

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");

let world: FakeWorld;
beforeAll(async () => {
  world = await startFakeWorld({
    catalog: createLibraryCatalog(),
    audioSeconds: 2,
    formatsOf: () => ["opus"],
    // The 2026 rules, and pages small enough that every list takes two of them.
    spotifySwitches: {
      apiShape: "2026",
      playlistOwnership: "owned-only",
      pageCaps: { savedAlbums: 1, followedArtists: 1, myPlaylists: 2 },
    },
  });
});
afterAll(async () => {
  await world.stop();
});

/** `musicdl auth login -c <config>` in the run's folder; the test opens the printed URL as a browser would. */
async function login(run: LibraryRun): Promise<string[]> {
  const proc = Bun.spawn([process.execPath, ENTRY, "auth", "login", "--port", "0", "-c", run.configFile], {
    env: { ...process.env, ...world.env, XDG_CONFIG_HOME: join(run.root, "config"), NO_COLOR: "1" },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  let printed = "";
  let browser: Promise<unknown> | undefined;
  const decoder = new TextDecoder();
  for await (const chunk of proc.stdout) {
    printed += decoder.decode(chunk, { stream: true });
    const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(printed)?.[1];
    if (url && !browser) browser = fetch(url);
  }
  await browser;
  expect(await proc.exited, await new Response(proc.stderr).text()).toBe(0);
  const auth = JSON.parse(readFileSync(join(run.root, "config", "musicdl", "auth.json"), "utf8"));
  return auth.scope.split(" ");
}

interface PlanJson {
  items: { kind: string; source_id?: string; title: string; sources: { section: string; url: string }[] }[];
}

async function planOf(run: LibraryRun, source: string) {
  const result = await run.plan(["--json", source]);
  const plan = result.exitCode === 0 ? (JSON.parse(result.stdout) as PlanJson) : undefined;
  return { result, plan };
}

const trackIds = (plan: PlanJson | undefined) =>
  (plan?.items ?? []).flatMap((item) => (item.kind === "track" ? [item.source_id] : [])).sort();

describe("the user's library as sources (spawned CLI, logged-in fake user)", () => {
  test("auth login asks for what the config's library sources need, and each word expands to the right tracks", async () => {
    using run = createLibraryRun(world);
    run.writeConfig({ playlists: ["my-playlists"], albums: ["saved-albums"], artists: ["followed-artists"] });
    expect((await login(run)).sort()).toEqual([
      "playlist-read-collaborative",
      "playlist-read-private",
      "user-follow-read",
      "user-library-read",
    ]);

    const albums = await planOf(run, "saved-albums");
    expect(albums.result.exitCode, albums.result.stderr).toBe(0);
    expect(trackIds(albums.plan)).toEqual([SMALL.appearsOnTrackId, SMALL.compilationTrackId].sort());

    // Albums and singles of both followed artists; Harbor Lights' compilation and "appears on" are not theirs.
    const artists = await planOf(run, "followed-artists");
    expect(artists.result.exitCode, artists.result.stderr).toBe(0);
    expect(trackIds(artists.plan)).toEqual(
      [SMALL.trackIds.lanterns, SMALL.trackIds.tideTables, SMALL.trackIds.undertow, SMALL.appearsOnTrackId].sort(),
    );
    const artistSources = new Set(artists.plan!.items.flatMap((item) => item.sources.map((source) => source.url)));
    expect([...artistSources].sort()).toEqual(LIBRARY.followedArtistIds.map((id) => spotifyUrl("artist", id)).sort());

    // Owned and collaborative playlists, each with its M3U; the followed one is named once as skipped, not failed.
    const playlists = await planOf(run, "my-playlists");
    expect(playlists.result.exitCode, playlists.result.stderr).toBe(0);
    expect(trackIds(playlists.plan)).toEqual(
      [SMALL.trackIds.lanterns, SMALL.trackIds.tideTables, SMALL.trackIds.undertow, SMALL.appearsOnTrackId].sort(),
    );
    const m3us = playlists.plan!.items.filter((item) => item.kind === "m3u").map((item) => item.title);
    expect(m3us.sort()).toEqual(["Band Practice", "Road Trip"]);
    const skippedLines = playlists.result.stderr.split("\n").filter((line) => line.includes('"Not Mine"'));
    expect(skippedLines).toHaveLength(1);
    expect(skippedLines[0]).toContain("neither own nor collaborate");
    expect(playlists.result.stderr).not.toMatch(/error/i);
  });

  test("an unchanged my-playlists re-run sends only the playlist list pages", async () => {
    using run = createLibraryRun(world);
    run.writeConfig({ playlists: ["my-playlists"] });
    await login(run);
    const before = world.spotify.apiRequests().length;
    expect((await planOf(run, "my-playlists")).result.exitCode).toBe(0);
    const firstRun = world.spotify.apiRequests().slice(before);
    const between = world.spotify.apiRequests().length;
    expect((await planOf(run, "my-playlists")).result.exitCode).toBe(0);
    const reRun = world.spotify.apiRequests().slice(between);
    expect(firstRun.map((request) => request.path)).toContain("/v1/me");
    expect(reRun.map((request) => request.path)).toEqual(["/v1/me/playlists", "/v1/me/playlists"]);
  });

  test("a login without the permission a source needs stops with exit 3 and says to log in again", async () => {
    using run = createLibraryRun(world);
    run.writeConfig({ playlists: ["my-playlists"] });
    expect(await login(run)).not.toContain("user-follow-read");
    const before = world.spotify.apiRequests().length;
    const { result } = await planOf(run, "followed-artists");
    expect(result.exitCode).toBe(EXIT.RESUME_LATER);
    expect(result.stderr).toContain("user-follow-read");
    expect(result.stderr).toContain("musicdl auth login");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(world.spotify.apiRequests().slice(before)).toEqual([]);
  });

  test("when my-playlists cannot be listed, nothing it brought is reported removed or deleted by --prune", async () => {
    using run = createLibraryRun(world);
    run.writeConfig({ playlists: ["my-playlists"] });
    await login(run);
    const first = await run.run();
    expect(first.exitCode, first.stderr).toBe(0);
    const files = run.audioFiles();
    expect(files).toHaveLength(4);
    const m3us = ["Road Trip", "Band Practice"].map((name) => join(run.library, `${name}.m3u8`));
    expect(m3us.map(existsSync)).toEqual([true, true]);

    world.spotify.set({ faults: [{ kind: "5xx", status: 403, path: "/v1/me/playlists", times: 100 }] });
    try {
      const refused = await run.run(["--prune"]);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain("my-playlists");
      expect(refused.stderr).not.toContain("were deleted");
      // Nor are its tracks and M3Us reported as no longer listed: a list that could not be read says nothing.
      expect(refused.stderr).not.toContain("no longer");
    } finally {
      world.spotify.set({ faults: [] });
    }
    expect(run.audioFiles()).toEqual(files);
    expect(m3us.map(existsSync)).toEqual([true, true]);
  }, 30_000);
});
