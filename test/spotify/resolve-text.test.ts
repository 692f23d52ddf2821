/** The client resolving plain text against the fake: pages of 10, a second page only when needed, the by-fallback. */
import { describe, expect, test } from "bun:test";
import type { Catalog } from "../../fakes/spotify/catalog.ts";
import { createSmallCatalog, SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable } from "../helpers/spotify.ts";

/** Ten live takes of "Lanterns" listed before the studio track, as a search ranking may put them. */
function catalogWithLiveTakesFirst(): Catalog {
  const catalog = createSmallCatalog();
  const studio = [SMALL.trackIds.lanterns, SMALL.singleTrackId, SMALL.compilationTrackId].map(
    (id) => catalog.tracks.get(id)!,
  );
  for (const track of studio) catalog.tracks.delete(track.id);
  for (let index = 0; index < 10; index++) {
    const id = `0LanternsLive${String(index).padStart(9, "0")}`;
    catalog.tracks.set(id, { ...studio[0]!, id, name: `Lanterns - Live ${2010 + index}`, isrc: `QZHBL26100${index}` });
  }
  for (const track of studio) catalog.tracks.set(track.id, track);
  catalog.tracks.set("0DriftByNight000000001", {
    ...studio[0]!,
    id: "0DriftByNight000000001",
    name: "Drift by Night",
    isrc: "QZHBL2600077",
  });
  return catalog;
}

const searchesOf = (fake: ReturnType<typeof startFakeSpotify>) =>
  fake.apiRequests().filter((request) => request.path === "/v1/search");

describe("resolving text through Spotify search", () => {
  test("on a 2026 app pages hold 10; the second page is read because the first holds only live takes", async () => {
    await using fake = disposable(
      startFakeSpotify({
        catalog: catalogWithLiveTakesFirst(),
        switches: { apiShape: "2026", enforce2026Limits: true },
      }),
    );
    const resolution = await clientFor(fake).resolveText("Harbor Lights - Lanterns");
    expect(resolution.track.id).toBe(SMALL.trackIds.lanterns);
    expect(
      searchesOf(fake).map((request) => `${request.status} ${request.query.offset} ${request.query.limit}`),
    ).toEqual(["200 0 10", "200 10 10"]);
  });

  test("a found track is not searched again by the same client cache, and its track needs no request", async () => {
    await using fake = disposable(startFakeSpotify({ catalog: createSmallCatalog() }));
    const client = clientFor(fake);
    const first = await client.resolveText("harbor lights - tide tables");
    const again = await clientFor(fake, { cache: client.cache }).resolveText("Harbor  Lights - Tide Tables");
    expect(again).toMatchObject({ remembered: true, score: first.score });
    expect(again.track.id).toBe(SMALL.trackIds.tideTables);
    expect(fake.apiRequests().map((request) => request.path)).toEqual(["/v1/search"]);
  });

  test('"Drift by Night" is first read as a title by "Night", then as a bare title', async () => {
    await using fake = disposable(startFakeSpotify({ catalog: catalogWithLiveTakesFirst() }));
    const resolution = await clientFor(fake).resolveText("Drift by Night");
    expect(resolution.track.title).toBe("Drift by Night");
    expect(resolution.searched).toBe('track:"Drift by Night"');
    expect(searchesOf(fake).map((request) => request.query.q)).toEqual([
      'track:"Drift" artist:"Night"',
      'track:"Drift by Night"',
    ]);
  });
});
