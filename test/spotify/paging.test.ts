import { describe, expect, test } from "bun:test";
import { type ApiShape, createCatalog, minimumRequests, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable } from "../helpers/spotify.ts";

const catalog = createCatalog({
  seed: 7,
  artists: [
    { albums: 1, singles: 0, tracksPerAlbum: 120, discs: 2 },
    // 75 releases: 20 albums + 40 singles come back; 10 compilations + 5 appears_on must not.
    { albums: 20, singles: 40, compilations: 10, appearsOn: 5, tracksPerAlbum: [3, 6] },
  ],
  playlists: [{ size: 727, nulls: 1, locals: 1, episodes: 1 }],
});
const [bigAlbumArtist, busyArtist] = catalog.mainArtistIds as [string, string];
const bigAlbumId = catalog.releases.get(bigAlbumArtist)![0]!.albumId;
const playlistId = [...catalog.playlists.keys()][0]!;

describe("paging", () => {
  test.each(["legacy", "2026", "transitional"] as ApiShape[])(
    "a 730-entry playlist gives all 727 tracks (%s shape) in the fewest requests",
    async (shape) => {
      await using fake = disposable(startFakeSpotify({ catalog, switches: { apiShape: shape } }));
      const source = await clientFor(fake).resolve({ kind: "playlist", id: playlistId });
      const expected = catalog.playlists
        .get(playlistId)!
        .entries.flatMap((e) => (e.type === "track" ? [e.trackId] : []));
      expect(source.tracks.map((t) => t.id)).toEqual(expected);
      expect(source.warnings).toHaveLength(1);
      const minimum = minimumRequests(catalog, [{ kind: "playlist", id: playlistId }], { batch: true, shape });
      expect(fake.apiRequests()).toHaveLength(minimum.total);
      if (shape === "2026") expect(fake.apiRequests().every((r) => !r.path.endsWith("/tracks"))).toBe(true);
    },
  );

  test("a 120-track album gives 120 tracks over 2 discs", async () => {
    await using fake = disposable(startFakeSpotify({ catalog }));
    const source = await clientFor(fake).resolve({ kind: "album", id: bigAlbumId });
    expect(source.tracks).toHaveLength(120);
    expect(new Set(source.tracks.map((t) => t.id)).size).toBe(120);
    expect(source.tracks.every((t) => t.isrc && t.album.totalDiscs === 2)).toBe(true);
    // album + 2 more pages of tracks + 3 batches of 50 ids
    expect(fake.apiRequests()).toHaveLength(
      minimumRequests(catalog, [{ kind: "album", id: bigAlbumId }], { batch: true }).total,
    );
    expect(fake.apiRequests()).toHaveLength(6);
  });

  test("an artist with 75 releases gives its 20 albums and 40 singles, every page followed", async () => {
    await using fake = disposable(startFakeSpotify({ catalog, switches: { pageCaps: { artistAlbums: 10 } } }));
    const source = await clientFor(fake).resolve({ kind: "artist", id: busyArtist });
    const own = catalog.releases.get(busyArtist)!.filter((r) => r.group === "album" || r.group === "single");
    expect(own).toHaveLength(60);
    expect(new Set(source.tracks.map((t) => t.album.id))).toEqual(new Set(own.map((r) => r.albumId)));
    const types = new Set(source.tracks.map((t) => t.album.type));
    expect(types).toEqual(new Set(["album", "single"]));
    const listings = fake.apiRequests().filter((r) => r.path === `/v1/artists/${busyArtist}/albums`);
    expect(listings).toHaveLength(6);
    const minimum = minimumRequests(catalog, [{ kind: "artist", id: busyArtist }], {
      batch: true,
      caps: {
        albumTracks: 50,
        artistAlbums: 10,
        playlistEmbedded: 100,
        playlistItems: 100,
        savedTracks: 50,
        batchTracks: 50,
      },
    });
    expect(fake.apiRequests()).toHaveLength(minimum.total);
  });

  test("without the batch endpoint, each track costs one request and the absence is detected once", async () => {
    await using fake = disposable(startFakeSpotify({ catalog, switches: { batchEndpoints: false, apiShape: "2026" } }));
    const client = clientFor(fake);
    const [album, artist] = await Promise.all([
      client.resolve({ kind: "album", id: bigAlbumId }),
      client.resolve({ kind: "artist", id: busyArtist }),
    ]);
    expect(album.tracks).toHaveLength(120);
    expect(artist.tracks.length).toBeGreaterThan(60);
    const batchCalls = fake.apiRequests().filter((r) => r.path === "/v1/tracks");
    expect(batchCalls.map((r) => r.status)).toEqual([403]);
    const minimum = minimumRequests(
      catalog,
      [
        { kind: "album", id: bigAlbumId },
        { kind: "artist", id: busyArtist },
      ],
      { batch: false },
    );
    expect(fake.apiRequests()).toHaveLength(minimum.total + 1);
  });
});
