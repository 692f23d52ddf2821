/**
 * Issue 15, finding 1: an app created since Feb 2026 whose API enforces the reference's page maximums (artist
 * albums 10, playlist items 50) answers larger pages with `400 Invalid limit`. musicdl retries once with the smaller
 * maximum, keeps it for the rest of the run and in the store, and follows `next` whatever the page size.
 */
import { describe, expect, test } from "bun:test";
import { createMemoryCache as createMemorySpotifyCache } from "../../src/plugins/memory-cache.ts";
import * as v from "valibot";
import { createRequestLimiter } from "../../src/http/request-limiter.ts";
import { createPageLimits } from "../../plugins/spotify/page-limits.ts";
import { createClientCredentialsProvider } from "../../plugins/spotify/tokens.ts";
import { createSpotifyTransport } from "../../plugins/spotify/transport.ts";
import { systemClock } from "../../src/util/clock.ts";
import { createCatalog, defaultPageCaps, minimumRequests, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable, spotifyCore, testSettings } from "../helpers/spotify.ts";

const catalog = createCatalog({
  seed: 2602,
  artists: [
    // 27 own releases (pages of 10: 3), plus releases that must stay out.
    { albums: 9, singles: 18, compilations: 2, appearsOn: 3, tracksPerAlbum: [1, 3] },
    { albums: 4, singles: 9, tracksPerAlbum: [1, 2] },
  ],
  playlists: [{ size: 233, nulls: 1 }],
});
const [busyArtist, otherArtist] = catalog.mainArtistIds as [string, string];
const playlistId = [...catalog.playlists.keys()][0]!;
const ownReleases = (artistId: string) =>
  catalog.releases.get(artistId)!.filter((release) => release.group === "album" || release.group === "single");
const CAPS_2026 = { ...defaultPageCaps("2026"), artistAlbums: 10, playlistItems: 50 };

function start() {
  return disposable(
    startFakeSpotify({
      catalog,
      switches: { apiShape: "2026", batchEndpoints: false, enforce2026Limits: true },
    }),
  );
}

describe("an app whose API enforces the 2026 page limits", () => {
  test("an artist's whole discography is read: one refused page, then pages of 10, kept for the run", async () => {
    await using fake = start();
    const client = clientFor(fake);
    const [busy, other] = [
      await client.resolve({ kind: "artist", id: busyArtist }),
      await client.resolve({ kind: "artist", id: otherArtist }),
    ];
    expect(new Set(busy.tracks.map((t) => t.album.id))).toEqual(new Set(ownReleases(busyArtist).map((r) => r.albumId)));
    expect(new Set(other.tracks.map((t) => t.album.id))).toEqual(
      new Set(ownReleases(otherArtist).map((r) => r.albumId)),
    );
    const listings = fake.apiRequests().filter((r) => r.path.endsWith("/albums") && r.path.startsWith("/v1/artists/"));
    expect(listings.map((r) => `${r.status} ${r.query.limit}`)).toEqual([
      "400 50",
      "200 10",
      "200 10",
      "200 10",
      "200 10",
      "200 10",
    ]);
    // Nothing else was refused, and the rest is the fewest the smaller pages allow, plus the one refusal and the
    // one probe that finds the batch endpoint gone (403).
    expect(fake.apiRequests().filter((r) => r.status === 400)).toHaveLength(1);
    const sources = [
      { kind: "artist" as const, id: busyArtist },
      { kind: "artist" as const, id: otherArtist },
    ];
    expect(fake.apiRequests()).toHaveLength(
      minimumRequests(catalog, sources, { batch: false, caps: CAPS_2026 }).total + 2,
    );
  });

  test("sources resolved at once are refused once per endpoint, not once per source", async () => {
    await using fake = start();
    const client = clientFor(fake, { settings: { spotifyConcurrency: 8 } });
    await Promise.all([
      client.resolve({ kind: "artist", id: busyArtist }),
      client.resolve({ kind: "artist", id: otherArtist }),
      client.resolve({ kind: "playlist", id: playlistId }),
    ]);
    const refused = fake.apiRequests().filter((r) => r.status === 400);
    expect(refused.map((r) => r.path.split("/").at(-1))).toEqual(expect.arrayContaining(["albums", "items"]));
    expect(refused).toHaveLength(2);
  });

  test("the learned page size is kept in the store: the next run is never refused", async () => {
    const cache = createMemorySpotifyCache();
    {
      await using fake = start();
      await clientFor(fake, { cache }).resolve({ kind: "artist", id: otherArtist });
      expect(fake.apiRequests().filter((r) => r.status === 400)).toHaveLength(1);
    }
    await using fake = start();
    // Another artist, so its listing is not cached: only the page size carries over.
    const source = await clientFor(fake, { cache }).resolve({ kind: "artist", id: busyArtist });
    expect(source.tracks.length).toBeGreaterThan(27);
    const listings = fake.apiRequests().filter((r) => r.path.startsWith("/v1/artists/"));
    expect(listings.map((r) => `${r.status} ${r.query.limit}`)).toEqual(["200 10", "200 10", "200 10"]);
  });

  test("a 233-entry playlist whose next link asks for 100 is read whole, in pages of 50", async () => {
    await using fake = start();
    const source = await clientFor(fake).resolve({ kind: "playlist", id: playlistId });
    const expected = catalog.playlists.get(playlistId)!.entries.flatMap((e) => (e.type === "track" ? [e.trackId] : []));
    expect(source.tracks.map((t) => t.id)).toEqual(expected);
    const pages = fake.apiRequests().filter((r) => r.path.endsWith("/items"));
    expect(pages.map((r) => `${r.status} ${r.query.offset}+${r.query.limit}`)).toEqual([
      "400 100+100",
      "200 100+50",
      "200 150+50",
      "200 200+50",
    ]);
  });
});

describe("search on such an app", () => {
  test("a search asking for 50 results a page is retried with 10 and paged through to the last result", async () => {
    await using fake = start();
    const clock = systemClock;
    const transport = createSpotifyTransport({
      apiUrl: fake.apiUrl,
      settings: testSettings(),
      clock,
      tokens: createClientCredentialsProvider({
        accountsUrl: fake.accountsUrl,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        clock,
        registerSecret: spotifyCore().registerSecret,
      }),
      limiter: createRequestLimiter({ concurrency: 2, clock }),
      stats: { requests: 0, retries: 0, rateLimited: 0, waitedS: 0, cacheHits: 0 },
      pageLimits: createPageLimits(createMemorySpotifyCache()),
      backoffMs: spotifyCore().backoffMs,
      log: spotifyCore().log,
    });
    // The word most track names share, so the results take several pages of 10.
    const tracks = [...catalog.tracks.values()];
    // The fake matches a `track:` filter word against the words of each name, as Spotify does.
    const nameWords = (name: string) =>
      name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    const matching = (word: string) => tracks.filter((t) => nameWords(t.name).includes(word));
    const words = [...new Set(tracks.flatMap((t) => nameWords(t.name)))];
    const word = words.reduce((best, w) => (matching(w).length > matching(best).length ? w : best));
    const expected = matching(word);
    expect(expected.length).toBeGreaterThan(10);
    const found: string[] = [];
    let next: string | null = `/search?q=${encodeURIComponent(`track:${word}`)}&type=track&limit=50`;
    while (next) {
      const page: v.InferOutput<typeof SearchPageSchema> = await transport.get(next, SearchPageSchema);
      found.push(...page.tracks.items.map((item) => item.id));
      next = page.tracks.next;
    }
    expect(found).toEqual(expected.map((t) => t.id));
    const searches = fake.apiRequests().filter((r) => r.path === "/v1/search");
    expect(searches.map((r) => `${r.status} ${r.query.limit}`)).toEqual([
      "400 50",
      ...Array(Math.ceil(expected.length / 10)).fill("200 10"),
    ]);
  });
});

const SearchPageSchema = v.object({
  tracks: v.object({ items: v.array(v.object({ id: v.string() })), next: v.nullable(v.string()) }),
});

describe("page sizes per endpoint", () => {
  test.each([
    { path: "/artists/a/albums?include_groups=album,single&limit=50", lowered: 10 },
    { path: "/search?q=x&type=track&limit=50&offset=20", lowered: 10 },
    { path: "/playlists/p/items?offset=100&limit=100&additional_types=track", lowered: 50 },
  ])("$path is retried with limit $lowered, then fitted to it", ({ path, lowered }) => {
    const limits = createPageLimits(createMemorySpotifyCache());
    const retry = limits.lowerAfterRefusal(path)!;
    expect(new URL(retry, "http://x").searchParams.get("limit")).toBe(String(lowered));
    // Every other parameter (offset, query) is kept, and the next page of that endpoint is fitted before it is sent.
    const before = new URL(path, "http://x").searchParams;
    const after = new URL(retry, "http://x").searchParams;
    for (const [key, value] of before) if (key !== "limit") expect(after.get(key)).toBe(value);
    expect(limits.fit(path)).toBe(retry);
    // Refused again at that size: no second retry.
    expect(limits.lowerAfterRefusal(retry)).toBeUndefined();
  });
});
