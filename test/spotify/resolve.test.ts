import { describe, expect, test } from "bun:test";
import { SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable } from "../helpers/spotify.ts";

describe("resolving the small catalog", () => {
  test("a track comes back with every artist in order, album details and its ISRC", async () => {
    await using fake = disposable(startFakeSpotify());
    const source = await clientFor(fake).resolve({ kind: "track", id: SMALL.trackIds.lanterns });
    expect(source.tracks).toHaveLength(1);
    const track = source.tracks[0]!;
    expect(track).toMatchObject({
      source: "spotify",
      id: SMALL.trackIds.lanterns,
      title: "Lanterns",
      artists: ["Harbor Lights", "Mira Vale"],
      discNumber: 1,
      trackNumber: 1,
      explicit: true,
      isrc: SMALL.isrc.lanterns,
      url: `https://open.spotify.com/track/${SMALL.trackIds.lanterns}`,
      tags: {
        SPOTIFY_ID: SMALL.trackIds.lanterns,
        SPOTIFY_URL: `https://open.spotify.com/track/${SMALL.trackIds.lanterns}`,
      },
      album: {
        id: SMALL.albumId,
        name: "Paper Boats",
        type: "album",
        artists: ["Harbor Lights"],
        releaseDate: "2024-05-17",
        releaseDatePrecision: "day",
        totalTracks: 3,
      },
    });
    expect(track.album.images.length).toBeGreaterThan(0);
  });

  test("an album lists its tracks with ISRCs, the number of discs and the tracks on each", async () => {
    await using fake = disposable(startFakeSpotify());
    const source = await clientFor(fake).resolve({ kind: "album", id: SMALL.albumId });
    expect(source.name).toBe("Paper Boats");
    expect(source.tracks.map((t) => [t.title, t.discNumber, t.isrc, t.album.totalDiscs])).toEqual([
      ["Lanterns", 1, SMALL.isrc.lanterns, 2],
      ["Tide Tables", 1, SMALL.isrc.tideTables, 2],
      ["Undertow", 2, SMALL.isrc.undertow, 2],
    ]);
    expect(source.tracks.map((t) => t.album.tracksPerDisc)).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    // The album, then one batch for the three ISRCs.
    expect(fake.apiRequests().map((r) => r.path)).toEqual([`/v1/albums/${SMALL.albumId}`, "/v1/tracks"]);
  });

  test("a playlist skips removed, local and podcast entries with one summary warning", async () => {
    await using fake = disposable(startFakeSpotify());
    const source = await clientFor(fake).resolve({ kind: "playlist", id: SMALL.playlistId });
    expect(source.tracks.map((t) => t.id)).toEqual([
      SMALL.trackIds.lanterns,
      SMALL.trackIds.tideTables,
      SMALL.singleTrackId,
    ]);
    expect(source.version).toBe("snap-road-trip-1");
    expect(source.warnings).toEqual(['playlist "Road Trip": skipped 1 local file, 1 podcast episode, 1 removed entry']);
    // Playlist entries carry full tracks: no per-track request.
    expect(fake.apiRequests()).toHaveLength(1);
  });

  test("an artist gives albums and singles only, never compilations or appears_on", async () => {
    await using fake = disposable(startFakeSpotify());
    const source = await clientFor(fake).resolve({ kind: "artist", id: SMALL.artistId });
    expect(source.name).toBe("Harbor Lights");
    expect(new Set(source.tracks.map((t) => t.album.id))).toEqual(new Set([SMALL.albumId, SMALL.singleAlbumId]));
    const listing = fake.apiRequests().find((r) => r.path.endsWith("/albums") && r.path.includes("/artists/"));
    expect(listing?.query.include_groups).toBe("album,single");
  });

  test("the single and the album track share an ISRC but keep their own track ids", async () => {
    await using fake = disposable(startFakeSpotify());
    const source = await clientFor(fake).resolve({ kind: "artist", id: SMALL.artistId });
    const lanterns = source.tracks.filter((t) => t.isrc === SMALL.isrc.lanterns).map((t) => t.id);
    expect(lanterns.sort()).toEqual([SMALL.singleTrackId, SMALL.trackIds.lanterns].sort());
  });

  test("an unknown track fails that source with a 404 naming its URL", async () => {
    await using fake = disposable(startFakeSpotify());
    const error = await clientFor(fake)
      .resolve({ kind: "album", id: "0000000000000000000000" })
      .catch((e) => e);
    expect(error.name).toBe("SpotifyNotFoundError");
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain("https://open.spotify.com/album/0000000000000000000000");
  });
});
