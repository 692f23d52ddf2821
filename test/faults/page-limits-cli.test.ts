/**
 * Issue 15 acceptance: on a 2026 app whose API enforces `limit ≤ 10` for an artist's albums, `musicdl download`
 * of that artist completes: every release is downloaded and tagged, exit 0, and the run re-reads nothing refused.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCatalog } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { listFiles } from "../helpers/fake-world-folder.ts";
import { runCli } from "../helpers/run-cli.ts";

// 12 own releases of one track each: more than one page of 10; the compilation must stay out.
const catalog = createCatalog({
  seed: 1510,
  artists: [{ albums: 2, singles: 10, compilations: 1, tracksPerAlbum: 1 }],
});
const artistId = catalog.mainArtistIds[0]!;
let world: FakeWorld;
let dir: string;

beforeAll(async () => {
  world = await startFakeWorld({
    catalog,
    decoys: false,
    spotifySwitches: { apiShape: "2026", batchEndpoints: false, enforce2026Limits: true },
  });
  dir = mkdtempSync(join(tmpdir(), "musicdl-faults-limits-"));
});
afterAll(async () => {
  await world.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("downloading an artist from a 2026 app that enforces limit ≤ 10 completes", async () => {
  const config = join(dir, "musicdl.yaml");
  writeFileSync(
    config,
    [
      'version: "1.2"',
      "download:",
      "  format: opus",
      `  cache_path: ${join(dir, "state", "musicdl.sqlite")}`,
      "  download_rate_limit_enabled: false",
      "artists:",
      `  - https://open.spotify.com/artist/${artistId}`,
      "",
    ].join("\n"),
  );
  const library = join(dir, "library");
  const result = await runCli(["download", "--config", config, "--output", library], {
    cwd: dir,
    env: { ...world.env, HOME: dir, XDG_CACHE_HOME: join(dir, "cache"), XDG_CONFIG_HOME: join(dir, "config") },
  });
  expect(result.stderr).not.toContain("Invalid limit");
  expect(result.exitCode).toBe(0);
  // One file per recording: a single that is also on an album (same ISRC) is downloaded once.
  const recordings = new Set(
    catalog.releases
      .get(artistId)!
      .filter((release) => release.group === "album" || release.group === "single")
      .flatMap((release) => catalog.albums.get(release.albumId)!.trackIds)
      .map((id) => catalog.tracks.get(id)!.isrc ?? id),
  );
  expect(recordings.size).toBeGreaterThan(5);
  expect(listFiles(library).filter((file) => file.endsWith(".opus"))).toHaveLength(recordings.size);
  const listings = world.spotify.apiRequests().filter((r) => r.path === `/v1/artists/${artistId}/albums`);
  expect(listings.filter((r) => r.status === 200).map((r) => r.query.limit)).toEqual(["10", "10"]);
}, 90_000);
