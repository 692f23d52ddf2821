/**
 * Spotify names are user data: a spawned download of an artist called `../../etc/passwd`, an album called `CON`
 * and titles with slashes, emoji, trailing dots and 300 characters keeps every file inside the library, with names
 * valid on Linux, macOS and Windows, and writes nothing anywhere else.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Catalog, CatalogAlbum, CatalogArtist, CatalogTrack } from "../../fakes/spotify/catalog.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { expectPortableComponent } from "../helpers/hostile-names.ts";
import { albumUrl, listFiles, probeFile, runMusicdl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

// Spawned runs with real ffmpeg on a busy 2-core machine: generous, since timing is not what is tested.
setDefaultTimeout(60_000);

const HOSTILE = {
  artist: "../../etc/passwd",
  album: "CON",
  playlist: "..\\..\\Road Trip/../..",
  tracks: {
    [SMALL.trackIds.lanterns]: `Lanterns ${"x".repeat(300)}`,
    [SMALL.trackIds.tideTables]: "Tide 😀🎶 A/B\\C: Tables?",
    [SMALL.trackIds.undertow]: "Undertow...",
  } as Record<string, string>,
};

/** The small catalog with hostile names; ids, numbers and ISRCs unchanged. */
function hostileCatalog(): Catalog {
  const catalog = createSmallCatalog();
  const artist: CatalogArtist = { id: SMALL.artistId, name: HOSTILE.artist };
  catalog.artists.set(artist.id, artist);
  const album: CatalogAlbum = { ...catalog.albums.get(SMALL.albumId)!, name: HOSTILE.album };
  catalog.albums.set(album.id, album);
  for (const [id, name] of Object.entries(HOSTILE.tracks)) {
    const track: CatalogTrack = { ...catalog.tracks.get(id)!, name };
    catalog.tracks.set(id, track);
  }
  catalog.playlists.get(SMALL.playlistId)!.name = HOSTILE.playlist;
  return catalog;
}

const dir = createTempDir("musicdl-e2e-hostile-");
// The library sits two levels down, so `../../` in a name would land in `outside/` (watched) if it escaped.
const outside = join(dir.path, "outside");
const library = join(outside, "inside", "music");
const sibling = join(outside, "inside", "sibling");
let world: FakeWorld;

beforeAll(async () => {
  world = await startFakeWorld({ catalog: hostileCatalog() });
  mkdirSync(sibling, { recursive: true });
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

test("hostile Spotify names stay inside the library as valid names, and nothing is written elsewhere", async () => {
  const config = join(dir.path, "musicdl.yaml");
  const playlistUrl = `https://open.spotify.com/playlist/${SMALL.playlistId}`;
  writeFileSync(
    config,
    `version: "1.2"\ndownload:\n  format: opus\nalbums:\n  - url: ${albumUrl(SMALL.albumId)}\n    create_m3u: true\nplaylists:\n  - ${playlistUrl}\n`,
  );
  const run = await runMusicdl(world, join(dir.path, "home"), ["download", "-c", config, "-o", library]);
  expect(run.stderr).toContain("tracks: done 3 · skipped 0 · failed 0 · M3U files written 2");
  expect(run.exitCode).toBe(0);

  const files = listFiles(library);
  expect(files.filter((file) => /\.opus$/.test(file))).toHaveLength(3);
  expect(files.filter((file) => /\.m3u8$/.test(file))).toHaveLength(2);
  for (const file of files) {
    expect(resolve(file).startsWith(`${library}${sep}`)).toBe(true);
    for (const component of relative(library, file).split(sep)) expectPortableComponent(component);
  }
  // Only the library (and the store under home/) was written: the sibling folder and the folders above are as
  // they were.
  expect(readdirSync(sibling)).toEqual([]);
  expect(readdirSync(join(outside, "inside")).sort()).toEqual(["music", "sibling"]);
  expect(readdirSync(outside)).toEqual(["inside"]);
  expect(readdirSync(dir.path).sort()).toEqual(["home", "musicdl.yaml", "outside"]);

  // The files play, and every M3U entry points at one of them from the M3U's folder.
  for (const file of files.filter((name) => name.endsWith(".opus"))) expect((await probeFile(file)).codec).toBe("opus");
  for (const m3u of files.filter((file) => file.endsWith(".m3u8"))) {
    const entries = readFileSync(m3u, "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(files).toContain(resolve(dirname(m3u), entry));
  }
});
