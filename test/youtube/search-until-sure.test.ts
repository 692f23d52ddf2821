/**
 * YouTube Music searches until the core is sure, through the real plugin and youtubei.js against the fake: the
 * album-qualified query, the second page (a real continuation request), ISRC hits from shelves, a failed query
 * falling through, and the budget.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { AudioCandidate, TrackMeta } from "../../src/plugins/api.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import { MAX_MUSIC_SEARCHES } from "../../plugins/youtube-music/search-music.ts";
import type { FakeVideo } from "../../fakes/youtube/catalog.ts";
import { type FakeYouTube, startFakeYouTube } from "../../fakes/youtube/index.ts";
import { createTestContext, trackMeta, useYouTubeOrigin } from "../helpers/youtube.ts";

const LENGTH = 245_000;
const song = (videoId: string, album: string, durationMs = LENGTH, patch: Partial<FakeVideo> = {}): FakeVideo => ({
  videoId,
  title: "Glass Harbor",
  artists: ["Tide Pool"],
  album,
  durationMs,
  kind: "song",
  ...patch,
});
/** 24 other cuts of the same title (compilations), then the album song: page two of the songs search. */
const buried: FakeVideo[] = [
  ...Array.from({ length: 24 }, (_, n) =>
    song(`cut${String(n).padStart(8, "0")}`, `Best Of ${n + 1}`, LENGTH + 20_000 + n),
  ),
  song("rightsong01", "Low Water"),
];
const withAlbum = (track: TrackMeta, album: string): TrackMeta => ({
  ...track,
  album: { ...track.album, name: album },
});
const glassHarbor = trackMeta({ title: "Glass Harbor", artists: ["Tide Pool"], durationMs: LENGTH });
/** The core's judgement, as the pick passes it: here, the album song of the right length. */
const isRight = (candidates: readonly AudioCandidate[]) =>
  candidates.some((c) => c.kind === "song" && c.album === "Low Water" && Math.abs(c.durationMs - LENGTH) <= 2_000);

let fake: FakeYouTube;
beforeAll(async () => {
  fake = await startFakeYouTube({ catalog: buried });
});
afterAll(() => fake.stop());

async function search(track: TrackMeta, isSure = isRight) {
  fake.requests.length = 0;
  using _origin = useYouTubeOrigin(fake.origin);
  using context = createTestContext();
  return createYouTubeMusic(context.ctx).search(track, { limit: 10, isSure });
}
const sent = () =>
  fake.requests
    .filter((r) => r.path === "/youtubei/v1/search")
    .map((r) => r.query ?? (r.body?.continuation ? "next page" : ""));

describe("search until sure", () => {
  test("a song buried behind other cuts is found by the album-qualified second query, and the search stops there", async () => {
    const found = await search(withAlbum(glassHarbor, "Low Water"));
    expect(found.map((c) => c.id)).toContain("rightsong01");
    expect(sent()).toEqual(["Tide Pool - Glass Harbor", "Tide Pool - Glass Harbor Low Water"]);
  });

  test("when the album query does not help, the second page of the songs search is read", async () => {
    const found = await search(withAlbum(glassHarbor, "Unknown Sessions"), (candidates) =>
      candidates.some((c) => c.id === "rightsong01"),
    );
    expect(found.map((c) => c.id)).toContain("rightsong01");
    expect(sent()).toEqual(["Tide Pool - Glass Harbor", "Tide Pool - Glass Harbor Unknown Sessions", "next page"]);
  });

  test("never sure: ISRC, songs, album, next page and videos, and not one request more", async () => {
    await search({ ...withAlbum(glassHarbor, "Unknown Sessions"), isrc: "QZAAA2600001" }, () => false);
    expect(sent()).toHaveLength(MAX_MUSIC_SEARCHES);
    expect(sent()[0]).toBe("QZAAA2600001");
  });

  test("a failed ISRC lookup falls through to the songs search", async () => {
    fake.failNext(1, { status: 500, target: "innertube" });
    const found = await search({ ...withAlbum(glassHarbor, "Low Water"), isrc: "QZAAA2600001" });
    expect(found.map((c) => c.id)).toContain("rightsong01");
    expect(fake.requests[0]?.status).toBe(500);
  });

  test("only when every query failed is it a search failure", async () => {
    // A 4xx, not a 5xx: a 5xx is first retried with real backoff (test/faults/youtube-search-5xx), seconds per query.
    fake.failNext(10, { status: 400, target: "innertube" });
    await expect(search(withAlbum(glassHarbor, "Low Water"))).rejects.toThrow(/HTTP 400/);
    fake.failNext(0);
  });
});

describe("ISRC hits", () => {
  let isrcFake: FakeYouTube;
  beforeAll(async () => {
    isrcFake = await startFakeYouTube({
      catalog: [
        song("isrcsong001", "Low Water", LENGTH, { isrc: "QZAAA2600009" }),
        song("shelfsong01", "Low Water", LENGTH, { isrc: "QZAAA2600010", isrcInShelf: true, title: "Salt Lines" }),
      ],
    });
  });
  afterAll(() => isrcFake.stop());

  test("a song found by its ISRC needs no other request", async () => {
    using _origin = useYouTubeOrigin(isrcFake.origin);
    using context = createTestContext();
    const found = await createYouTubeMusic(context.ctx).search(
      { ...glassHarbor, isrc: "QZAAA2600009" },
      { limit: 10, isSure: (candidates) => candidates.some((c) => c.id === "isrcsong001") },
    );
    expect(found.map((c) => c.id)).toEqual(["isrcsong001"]);
    expect(isrcFake.requests.filter((r) => r.path === "/youtubei/v1/search")).toHaveLength(1);
  });

  test("an ISRC hit listed in a Songs shelf (no card) counts too: one request", async () => {
    using _origin = useYouTubeOrigin(isrcFake.origin);
    using context = createTestContext();
    isrcFake.requests.length = 0;
    const found = await createYouTubeMusic(context.ctx).search(
      { ...glassHarbor, title: "Salt Lines", isrc: "QZAAA2600010" },
      { limit: 10, isSure: (candidates) => candidates.some((c) => c.id === "shelfsong01") },
    );
    expect(found.map((c) => c.id)).toEqual(["shelfsong01"]);
    expect(found[0]?.data).toMatchObject({ foundBy: "isrc" });
    expect(isrcFake.requests.filter((r) => r.path === "/youtubei/v1/search")).toHaveLength(1);
  });
});

describe("the rest of a page already fetched", () => {
  /** 12 other cuts, then the single of the right length at 13th place: all on one page of 20. */
  const onePage: FakeVideo[] = [
    ...Array.from({ length: 12 }, (_, n) =>
      song(`cut${String(n).padStart(8, "0")}`, "Glass Harbor", LENGTH + (n % 2 ? 1 : -1) * (20_000 + n * 1000)),
    ),
    song("rightsong01", "Glass Harbor"),
  ];
  let pageFake: FakeYouTube;
  beforeAll(async () => {
    pageFake = await startFakeYouTube({ catalog: onePage });
  });
  afterAll(() => pageFake.stop());

  test("a song 13th on a page whose first ten are other cuts is found without another request", async () => {
    using _origin = useYouTubeOrigin(pageFake.origin);
    using context = createTestContext();
    // A single named like its song: no album-qualified query to lift it.
    const found = await createYouTubeMusic(context.ctx).search(withAlbum(glassHarbor, "Glass Harbor"), {
      limit: 10,
      isSure: (candidates) => candidates.some((c) => c.id === "rightsong01"),
    });
    expect(found.map((c) => c.id)).toContain("rightsong01");
    expect(pageFake.requests.filter((r) => r.path === "/youtubei/v1/search").map((r) => r.query)).toEqual([
      "Tide Pool - Glass Harbor",
    ]);
  });
});
