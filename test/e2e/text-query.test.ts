/**
 * Songs given as plain text, spawned against the fake world: the text downloads the track it names, a re-run
 * sends no search, an ambiguous text and a text nothing fits exit 2 saying why, plain text under `songs:` in the
 * config dedupes with the same track given as a link, and a 2026 app gets search pages of 10.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "../../fakes/spotify/catalog.ts";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { listFiles, runMusicdl, trackUrl } from "../helpers/fake-world-folder.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

setDefaultTimeout(60_000);

/** Another band's "Undertow": a different recording with the same title as Harbor Lights' one. */
const OTHER = {
  artistId: "0CinderBayArtist000001",
  albumId: "0CinderBayAlbum0000001",
  trackId: "0CinderUndertow0000001",
};

function catalogWithTwoUndertows(): Catalog {
  const catalog = createSmallCatalog();
  catalog.artists.set(OTHER.artistId, { id: OTHER.artistId, name: "Cinder Bay" });
  catalog.albums.set(OTHER.albumId, {
    id: OTHER.albumId,
    name: "Low Water",
    albumType: "album",
    artistIds: [OTHER.artistId],
    releaseDate: "2019-09-06",
    releaseDatePrecision: "day",
    trackIds: [OTHER.trackId],
    label: "Tidewater Records",
    upc: "000000000009",
  });
  catalog.tracks.set(OTHER.trackId, {
    id: OTHER.trackId,
    name: "Undertow",
    artistIds: [OTHER.artistId],
    albumId: OTHER.albumId,
    discNumber: 1,
    trackNumber: 1,
    durationMs: 241_000,
    explicit: false,
    isrc: "QZCBY1900001",
  });
  return catalog;
}

const dir = createTempDir("musicdl-e2e-text-");
let world: FakeWorld;
const searches = () => world.spotify.apiRequests().filter((request) => request.path === "/v1/search");

beforeAll(async () => {
  world = await startFakeWorld({ catalog: catalogWithTwoUndertows(), decoys: true });
});
afterAll(async () => {
  await world?.stop();
  dir[Symbol.dispose]();
});

interface SummaryJson {
  type: string;
  spotify: { requests: number };
  text_queries: { query: string; source_id: string; url: string; score: number; remembered: boolean }[];
}

describe("musicdl download with a song as text", () => {
  const home = join(dir.path, "home");
  const library = join(dir.path, "library");
  const args = ["download", "Harbor Lights - Undertow", "-o", library, "--json"];
  let firstRequests = 0;

  test("downloads the track the text names, and --json says what it resolved to", async () => {
    const before = world.spotify.apiRequests().length;
    const result = await runMusicdl(world, home, args);
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as SummaryJson;
    expectDocumentedJson("download", summary);
    expect(summary.type).toBe("summary");
    expect(summary.text_queries).toEqual([
      expect.objectContaining({
        query: "Harbor Lights - Undertow",
        source_id: SMALL.trackIds.undertow,
        url: trackUrl(SMALL.trackIds.undertow),
        score: 1,
        remembered: false,
      }),
    ]);
    expect(listFiles(library).map((file) => file.slice(library.length + 1))).toEqual([
      "Harbor Lights/Paper Boats/01 - Undertow.mp3",
    ]);
    const sent = searches();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toMatchObject({ type: "track", q: 'track:"Undertow" artist:"Harbor Lights"', limit: "10" });
    firstRequests = world.spotify.apiRequests().length - before;
    expect(summary.spotify.requests).toBe(firstRequests);
  });

  test("a re-run with the same text sends no search and no other Spotify request", async () => {
    const before = world.spotify.apiRequests().length;
    const result = await runMusicdl(world, home, args);
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as SummaryJson;
    expect(summary.text_queries[0]).toMatchObject({ source_id: SMALL.trackIds.undertow, remembered: true });
    expect(world.spotify.apiRequests().length - before).toBe(0);
    expect(searches()).toHaveLength(1);
    console.log(`text query: first run ${firstRequests} Spotify requests (1 search), re-run 0`);
  });
});

describe("texts musicdl refuses", () => {
  const home = join(dir.path, "home-refused");

  test("a title two recordings share exits 2 listing both with album, year and link", async () => {
    const result = await runMusicdl(world, home, ["plan", "Undertow", "-o", join(dir.path, "lib2")]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('"Undertow" fits more than one Spotify recording');
    expect(result.stderr).toContain(
      `Undertow — Harbor Lights, "Paper Boats" (2024), ${trackUrl(SMALL.trackIds.undertow)}`,
    );
    expect(result.stderr).toContain(`Undertow — Cinder Bay, "Low Water" (2019), ${trackUrl(OTHER.trackId)}`);
    expect(result.stderr).toContain("Paste the Spotify link of the track you mean");
    expect(result.stderr).not.toContain("    at ");
  });

  test("a text nothing fits exits 2 naming what was searched and why the nearest answer lost", async () => {
    const result = await runMusicdl(world, home, ["plan", "Mira Vale - Duet", "-o", join(dir.path, "lib3")]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `"Mira Vale - Duet": no Spotify track fits (searched q=track:"Duet" artist:"Mira Vale")`,
    );
    expect(result.stderr).toContain(`Duet (Live) — Mira Vale, Harbor Lights`);
    expect(result.stderr).toContain(`"live", which the text does not ask for`);
  });

  test("a broken Spotify link or a YouTube link is still a config error, not a search", async () => {
    const config = join(dir.path, "broken.yaml");
    writeFileSync(
      config,
      `version: "1.2"\nsongs:\n  - https://open.spotify.com/trak/${SMALL.trackIds.lanterns}\n  - https://www.youtube.com/watch?v=dQw4w9WgXcQ\n  - Harbor Lights - Lanterns\n`,
    );
    const before = searches().length;
    const result = await runMusicdl(world, home, ["plan", "-c", config]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("line 3, songs[0]: malformed Spotify link");
    expect(result.stderr).toContain(
      'line 4, songs[1]: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" is not a Spotify link',
    );
    expect(result.stderr).not.toContain("songs[2]");
    expect(searches().length).toBe(before);
  });
});

describe("plain text under songs: in the config", () => {
  test("resolves, dedupes with the same track given as a link, and plan --json shows the resolution", async () => {
    const config = join(dir.path, "text.yaml");
    writeFileSync(
      config,
      `version: "1.2"\nsongs:\n  - Tide Tables by Harbor Lights\n  - ${trackUrl(SMALL.trackIds.tideTables)}\n`,
    );
    const result = await runMusicdl(world, join(dir.path, "home-config"), [
      "plan",
      "-c",
      config,
      "-o",
      join(dir.path, "lib4"),
      "--json",
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as {
      items: { source_id: string; sources: { url: string }[] }[];
      stats: { tracks: number; duplicates_removed: number };
      text_queries: { query: string; source_id: string }[];
    };
    expectDocumentedJson("plan", plan);
    expect(plan.items.map((item) => item.source_id)).toEqual([SMALL.trackIds.tideTables]);
    expect(plan.items[0]!.sources.map((source) => source.url).sort()).toEqual(
      ["Tide Tables by Harbor Lights", trackUrl(SMALL.trackIds.tideTables)].sort(),
    );
    expect(plan.stats.duplicates_removed).toBe(1);
    expect(plan.text_queries).toEqual([
      expect.objectContaining({ query: "Tide Tables by Harbor Lights", source_id: SMALL.trackIds.tideTables }),
    ]);
  });
});

describe("musicdl match with a song as text", () => {
  const home = join(dir.path, "home-match");

  test("--json shows what the text resolved to beside the candidates", async () => {
    const result = await runMusicdl(world, home, ["match", "Harbor Lights - Tide Tables", "--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { text_query: { source_id: string }; track: { source_id: string } };
    expectDocumentedJson("match", json);
    expect(json.text_query.source_id).toBe(SMALL.trackIds.tideTables);
    expect(json.track.source_id).toBe(SMALL.trackIds.tideTables);
  });

  test("--pin with text is refused before anything is searched", async () => {
    const before = searches().length;
    const result = await runMusicdl(world, home, ["match", "Harbor Lights - Tide Tables", "--skip"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--pin and --skip take the track's Spotify link, not text");
    expect(searches().length).toBe(before);
  });
});
