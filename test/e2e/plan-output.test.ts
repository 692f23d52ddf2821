import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import type { FakeWorld } from "../../fakes/world.ts";
import { createLibraryRun, type LibraryRun, spotifyUrl, startOpusWorld } from "./_library-run.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

// A playlist, two albums and the artist of the first: four recordings (the first album's three tracks and a live
// duet) from 11 entries; the lead single "Lanterns" is the album's "Lanterns" under another id (same ISRC).
const PLAYLIST = spotifyUrl("playlist", SMALL.playlistId);
const ALBUM = spotifyUrl("album", SMALL.albumId);
const LIVE_ALBUM = spotifyUrl("album", SMALL.appearsOnId);
const ARTIST = spotifyUrl("artist", SMALL.artistId);
function configure(run: LibraryRun): void {
  run.writeConfig({ playlists: [PLAYLIST], albums: [ALBUM, LIVE_ALBUM], artists: [ARTIST] });
}
const TRACK_FIELDS = [
  "album",
  "artists",
  "duration_ms",
  "id",
  "isrc",
  "kind",
  "match",
  "pinned",
  "source",
  "source_id",
  "sources",
  "status",
  "target",
  "title",
];

let world: FakeWorld;
beforeAll(async () => {
  world = await startOpusWorld(createSmallCatalog());
});
afterAll(async () => {
  await world.stop();
});

describe("musicdl plan", () => {
  test("--json names every item's documented fields, and the stats count tracks, duplicates and what is left to download", async () => {
    using run = createLibraryRun(world);
    configure(run);
    const result = await run.plan(["--json"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);

    expectDocumentedJson("plan", plan);
    const tracks = plan.items.filter((item: { kind: string }) => item.kind === "track");
    for (const item of tracks) expect(Object.keys(item).sort()).toEqual(TRACK_FIELDS);
    const lanterns = tracks.find((item: { id: string }) => item.id === `track:spotify:${SMALL.trackIds.lanterns}`);
    expect(lanterns).toMatchObject({
      kind: "track",
      status: "pending",
      source: "spotify",
      source_id: SMALL.trackIds.lanterns,
      isrc: SMALL.isrc.lanterns,
      title: "Lanterns",
      artists: ["Harbor Lights", "Mira Vale"],
      album: "Paper Boats",
      duration_ms: 201_000,
      target: join(run.library, "Harbor Lights", "Paper Boats", "01 - Lanterns.opus"),
      match: null,
    });
    expect(lanterns.sources.map((s: { url: string }) => s.url)).toEqual([ALBUM, PLAYLIST, ARTIST]);
    // A playlist listed by its bare link is named by Spotify.
    expect(lanterns.sources[1]).toEqual({ section: "playlists", url: PLAYLIST, name: "Road Trip", position: 1 });
    const trackIds = [
      SMALL.trackIds.lanterns,
      SMALL.trackIds.tideTables,
      SMALL.trackIds.undertow,
      SMALL.appearsOnTrackId,
    ];
    expect(tracks.map((item: { id: string }) => item.id).sort()).toEqual(
      trackIds.map((id) => `track:spotify:${id}`).sort(),
    );
    expect(plan.stats).toMatchObject({ tracks: 4, duplicates_removed: 7, already_present: 0, to_download: 4 });
  }, 20_000);

  test("the table groups tracks by source with totals; after a download every track shows as already present", async () => {
    using run = createLibraryRun(world);
    configure(run);
    const before = await run.plan();
    expect(before.exitCode, before.stderr).toBe(0);
    const groups = before.stdout.split("\n").filter((line) => line && !line.startsWith(" "));
    expect(groups).toEqual([
      `albums: ${ALBUM}`,
      `albums: ${LIVE_ALBUM}`,
      "tracks 4 · duplicates removed 7 · already present 0 · to download 4 · M3U files 3",
    ]);
    expect(before.stdout).toContain("Harbor Lights, Mira Vale - Lanterns  [+2 other source(s)]");
    expect(before.stdout).toContain("→ Harbor Lights/Paper Boats/01 - Lanterns.opus");

    expect((await run.run()).exitCode).toBe(0);
    const after = await run.plan();
    expect(after.stdout).toContain("tracks 4 · duplicates removed 7 · already present 4 · to download 0");
    expect(after.stdout.match(/skip \(already present\)/g)).toHaveLength(4);
    const json = JSON.parse((await run.plan(["--json"])).stdout);
    const statuses = json.items
      .filter((i: { kind: string }) => i.kind === "track")
      .map((i: { status: string; skip_reason: string }) => [i.status, i.skip_reason]);
    expect(statuses).toEqual([
      ["skipped", "already present"],
      ["skipped", "already present"],
      ["skipped", "already present"],
      ["skipped", "already present"],
    ]);
  }, 30_000);
});
