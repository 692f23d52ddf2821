/**
 * `musicdl download` of one album whose YouTube side sets a trap per track (fakes/youtube/trap-catalog.ts),
 * spawned against the fakes: the buried right song is found by the album-qualified second query, songs 17 s and
 * 69 s off are rejected, an age-restricted or Premium-only best candidate gives way to its playable twin, a video
 * far off is refused, and a noise-tagged upload is taken. One download, then the request log and the failures
 * are read per track.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { createCatalog } from "../../fakes/spotify/index.ts";
import { type TrapClass, trapCatalogFor } from "../../fakes/youtube/trap-catalog.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import type { CliResult } from "../helpers/run-cli.ts";
import { albumUrl, runMusicdl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

setDefaultTimeout(60_000);

const catalog = createCatalog({ seed: 31, artists: [{ albums: 1, singles: 0, tracksPerAlbum: 12 }] });
const album = [...catalog.albums.values()].find((entry) => entry.albumType === "album")!;
const traps = trapCatalogFor(catalog);
const dir = createTempDir("musicdl-e2e-right-recording-");
let world: FakeWorld;
let run: CliResult;

const trackOf = (trap: TrapClass) => {
  const id = album.trackIds.find((trackId) => traps.classOf.get(trackId) === trap)!;
  return { id, track: catalog.tracks.get(id)!, want: traps.expected.get(id) ?? null };
};
const downloaded = () =>
  new Set(world.youtube.requests.filter((r) => r.path === "/videoplayback" && r.status < 300).map((r) => r.videoId));
const searchesFor = (title: string) =>
  world.youtube.requests.filter((r) => r.path === "/youtubei/v1/search" && r.query?.includes(`- ${title}`));
/** The failure line the run summary prints for a track (`failed <artist> - <title> …`). */
const failureOf = (title: string) =>
  run.stderr.split("\n").find((line) => line.includes(`- ${title}`) && /fail/i.test(line));

beforeAll(async () => {
  world = await startFakeWorld({ catalog, youtubeCatalog: traps.videos });
  const home = join(dir.path, "home");
  run = await runMusicdl(world, home, [
    "download",
    albumUrl(album.id),
    "-o",
    join(dir.path, "music"),
    "--format",
    "opus",
  ]);
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

describe("the right recording or none", () => {
  test("the run ends with exactly the expected misses (exit 1 for them)", () => {
    expect(run.exitCode, run.stderr).toBe(1);
    const misses = album.trackIds.filter((id) => traps.expected.get(id) === null);
    for (const id of misses) expect(failureOf(catalog.tracks.get(id)!.name), run.stderr).toBeDefined();
  });

  test.each(["buried-page-two", "album-query"] as const)(
    "%s: the buried right song is found by the album-qualified second query",
    (trap) => {
      const { track, want } = trackOf(trap);
      expect(downloaded().has(want!)).toBe(true);
      const queries = searchesFor(track.name).map((r) => r.query);
      expect(queries).toContain(`${catalog.artists.get(track.artistIds[0]!)!.name} - ${track.name} ${album.name}`);
      // Nothing else of that track's uploads was fetched: the near misses stayed near misses.
      const others = traps.videos.filter((v) => v.title === track.name && v.videoId !== want).map((v) => v.videoId);
      for (const id of others) expect(downloaded().has(id)).toBe(false);
    },
  );

  test("songs 17 s and 69 s off the Spotify length are rejected when nothing better exists", () => {
    const { track } = trackOf("wrong-length-only");
    const wrong = traps.videos.filter((v) => v.title === track.name).map((v) => v.videoId);
    for (const id of wrong) expect(downloaded().has(id)).toBe(false);
    expect(failureOf(track.name)).toContain("duration far off");
  });

  test.each(["login-required-twin", "premium-only-twin"] as const)(
    "%s: the unplayable best candidate is skipped for its playable twin",
    (trap) => {
      const { track, want } = trackOf(trap);
      expect(downloaded().has(want!)).toBe(true);
      const locked = traps.videos.find((v) => v.title === track.name && v.playability)!;
      expect(world.youtube.requests.some((r) => r.path === "/youtubei/v1/player" && r.videoId === locked.videoId)).toBe(
        true,
      );
      expect(world.youtube.downloadsOf(locked.videoId)).toHaveLength(0);
      expect(failureOf(track.name)).toBeUndefined();
    },
  );

  test("a music video 29 s off is refused; one 4 s off is taken when no song exists", () => {
    expect(failureOf(trackOf("video-far-off").track.name)).toBeDefined();
    expect(downloaded().has(trackOf("video-only").want!)).toBe(true);
  });

  test.each(["live-album", "noise-upload", "isrc-card", "songs-search"] as const)("%s: the expected upload", (trap) => {
    const { want } = trackOf(trap);
    expect(downloaded().has(want!)).toBe(true);
  });

  test("a track found by its ISRC card costs one search request", () => {
    expect(searchesFor(trackOf("isrc-card").track.name)).toHaveLength(0);
    const isrc = trackOf("isrc-card").track.isrc!;
    expect(world.youtube.requests.filter((r) => r.path === "/youtubei/v1/search" && r.query === isrc)).toHaveLength(1);
  });
});
