import { describe, expect, test } from "bun:test";
import { createCatalog, minimumRequests } from "../../fakes/spotify/index.ts";

describe("the fake's generated catalog", () => {
  test("the same seed gives the same catalog", () => {
    const spec = { seed: 42, artists: [{ albums: 3, singles: 4 }], playlists: [{ size: 50, nulls: 1 }] };
    const a = createCatalog(spec);
    const b = createCatalog(spec);
    expect([...a.tracks.values()]).toEqual([...b.tracks.values()]);
    expect([...a.playlists.values()]).toEqual([...b.playlists.values()]);
    expect([...createCatalog({ ...spec, seed: 43 }).tracks.keys()]).not.toEqual([...a.tracks.keys()]);
  });

  test("it scales past 10,000 tracks, and lead singles share an album track's ISRC under another id", () => {
    const catalog = createCatalog({
      seed: 3,
      artists: Array.from({ length: 80 }, () => ({ albums: 10, singles: 6, tracksPerAlbum: 12 })),
    });
    expect(catalog.tracks.size).toBeGreaterThanOrEqual(10_000);
    const byIsrc = new Map<string, string[]>();
    for (const track of catalog.tracks.values())
      byIsrc.set(track.isrc!, [...(byIsrc.get(track.isrc!) ?? []), track.id]);
    const shared = [...byIsrc.values()].filter((ids) => ids.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((ids) => new Set(ids).size === ids.length)).toBe(true);
  });

  test("the request minimum counts pages and batches", () => {
    const catalog = createCatalog({
      seed: 5,
      artists: [{ albums: 1, singles: 0, tracksPerAlbum: 120 }],
      playlists: [{ size: 250 }],
    });
    const albumId = catalog.releases.get(catalog.mainArtistIds[0]!)![0]!.albumId;
    const playlistId = [...catalog.playlists.keys()][0]!;
    expect(minimumRequests(catalog, [{ kind: "album", id: albumId }], { batch: true }).total).toBe(3 + 3);
    expect(minimumRequests(catalog, [{ kind: "album", id: albumId }], { batch: false }).total).toBe(3 + 120);
    expect(
      minimumRequests(catalog, [{ kind: "playlist", id: playlistId }], { batch: true, shape: "legacy" }).total,
    ).toBe(3);
    expect(minimumRequests(catalog, [{ kind: "playlist", id: playlistId }], { batch: true, shape: "2026" }).total).toBe(
      4,
    );
  });
});
