import { describe, expect, test } from "bun:test";
import { type ApiShape, SMALL, editPlaylist, createSmallCatalog, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable } from "../helpers/spotify.ts";

describe("response shapes", () => {
  test("legacy, 2026 and transitional answers resolve to the same tracks", async () => {
    const results = [];
    for (const shape of ["legacy", "2026", "transitional"] as ApiShape[]) {
      await using fake = disposable(startFakeSpotify({ switches: { apiShape: shape } }));
      const client = clientFor(fake);
      results.push([
        await client.resolve({ kind: "playlist", id: SMALL.playlistId }),
        await client.resolve({ kind: "album", id: SMALL.albumId }),
        await client.resolve({ kind: "artist", id: SMALL.artistId }),
      ]);
    }
    expect(results[1]).toEqual(results[0]!);
    expect(results[2]).toEqual(results[0]!);
  });

  test("2026 answers without popularity, label, genres or markets still give complete tracks", async () => {
    await using fake = disposable(startFakeSpotify({ switches: { apiShape: "2026" } }));
    const [track] = (await clientFor(fake).resolve({ kind: "track", id: SMALL.trackIds.undertow })).tracks;
    expect(track).toMatchObject({
      title: "Undertow",
      isrc: SMALL.isrc.undertow,
      discNumber: 2,
      album: { name: "Paper Boats" },
    });
  });

  test("a track without an ISRC is kept, just without one", async () => {
    const catalog = createSmallCatalog();
    const original = catalog.tracks.get(SMALL.trackIds.tideTables)!;
    catalog.tracks.set(original.id, { ...original, isrc: undefined });
    await using fake = disposable(startFakeSpotify({ catalog }));
    const [track] = (await clientFor(fake).resolve({ kind: "track", id: original.id })).tracks;
    expect(track?.title).toBe("Tide Tables");
    expect(track && "isrc" in track).toBe(false);
  });
});

describe("the 2026 playlist ownership rule", () => {
  test("a playlist Spotify returns without items fails with advice to log in and own it", async () => {
    await using fake = disposable(
      startFakeSpotify({ switches: { apiShape: "2026", playlistOwnership: "owned-only" } }),
    );
    const error = await clientFor(fake)
      .resolve({ kind: "playlist", id: SMALL.playlistId })
      .catch((e) => e);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`https://open.spotify.com/playlist/${SMALL.playlistId}`);
    expect(error.message).toContain("withheld");
    expect(error.hint).toContain("musicdl auth login");
    // Metadata only; musicdl does not hammer /items for a known 403.
    expect(fake.apiRequests().map((r) => r.path)).toEqual([`/v1/playlists/${SMALL.playlistId}`]);
  });
});

describe("playlist cache", () => {
  test("re-resolving an unchanged playlist costs one request", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = clientFor(fake);
    const first = await client.resolve({ kind: "playlist", id: SMALL.playlistId });
    const before = fake.apiRequests().length;
    const second = await client.resolve({ kind: "playlist", id: SMALL.playlistId });
    expect(second).toEqual(first);
    const probe = fake.apiRequests().slice(before);
    expect(probe).toHaveLength(1);
    expect(probe[0]?.query.fields).toBe("snapshot_id,name");
    expect(client.stats().cacheHits).toBeGreaterThan(0);
  });

  test("an edited playlist (new snapshot) is fetched again", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = clientFor(fake);
    await client.resolve({ kind: "playlist", id: SMALL.playlistId });
    editPlaylist(fake.catalog, SMALL.playlistId, [{ type: "track", trackId: SMALL.trackIds.undertow }]);
    const edited = await client.resolve({ kind: "playlist", id: SMALL.playlistId });
    expect(edited.tracks.map((t) => t.id)).toEqual([SMALL.trackIds.undertow]);
    expect(edited.version).toBe("snap-road-trip-1+");
  });

  test("albums and tracks already resolved cost nothing the second time", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = clientFor(fake);
    await client.resolve({ kind: "artist", id: SMALL.artistId });
    const before = fake.apiRequests().length;
    await client.resolve({ kind: "album", id: SMALL.albumId });
    await client.resolve({ kind: "track", id: SMALL.singleTrackId });
    await client.resolve({ kind: "artist", id: SMALL.artistId });
    expect(fake.apiRequests().length).toBe(before);
  });

  test("tracks a playlist already returned are not fetched again for an album", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = clientFor(fake);
    await client.resolve({ kind: "playlist", id: SMALL.playlistId });
    await client.resolve({ kind: "track", id: SMALL.trackIds.lanterns });
    expect(fake.apiRequests().filter((r) => r.path.startsWith("/v1/tracks"))).toHaveLength(0);
  });
});
