/** A tiny hand-built catalog with readable ids, for unit tests that want to name every object they assert on. */
import type { Catalog, CatalogAlbum, CatalogArtist, CatalogTrack } from "./catalog.ts";

export const SMALL = {
  artistId: "0HarborLightsArtist001",
  featuredArtistId: "0MiraValeArtist0000001",
  variousId: "0VariousArtists0000001",
  albumId: "0PaperBoatsAlbum000001",
  singleAlbumId: "0LanternsSingle0000001",
  compilationId: "0CoastalHitsComp000001",
  appearsOnId: "0MiraValeLiveAlbum0001",
  trackIds: {
    lanterns: "0LanternsTrack00000001",
    tideTables: "0TideTablesTrack000001",
    undertow: "0UndertowTrack00000001",
  },
  singleTrackId: "0LanternsSingleTrack01",
  compilationTrackId: "0CoastalLanterns000001",
  appearsOnTrackId: "0MiraLiveDuet000000001",
  playlistId: "0RoadTripPlaylist00001",
  foreignPlaylistId: "0NotMinePlaylist000001",
  isrc: { lanterns: "QZHBL2600001", tideTables: "QZHBL2600002", undertow: "QZHBL2600003", duet: "QZHBL2600004" },
} as const;

export function createSmallCatalog(): Catalog {
  const s = SMALL;
  const artists: CatalogArtist[] = [
    { id: s.artistId, name: "Harbor Lights" },
    { id: s.featuredArtistId, name: "Mira Vale" },
    { id: s.variousId, name: "Various Artists" },
  ];
  const album = (
    id: string,
    name: string,
    albumType: CatalogAlbum["albumType"],
    artistIds: string[],
    trackIds: string[],
    releaseDate = "2024-05-17",
  ): CatalogAlbum => ({
    id,
    name,
    albumType,
    artistIds,
    releaseDate,
    releaseDatePrecision: releaseDate.length === 4 ? "year" : "day",
    trackIds,
    label: "Tidewater Records",
    upc: "000000000001",
  });
  const albums = [
    album(
      s.albumId,
      "Paper Boats",
      "album",
      [s.artistId],
      [s.trackIds.lanterns, s.trackIds.tideTables, s.trackIds.undertow],
    ),
    album(s.singleAlbumId, "Lanterns", "single", [s.artistId], [s.singleTrackId], "2024-03-01"),
    album(s.compilationId, "Coastal Hits", "compilation", [s.variousId], [s.compilationTrackId], "2025"),
    album(s.appearsOnId, "Mira Vale Live", "album", [s.featuredArtistId], [s.appearsOnTrackId]),
  ];
  const track = (
    id: string,
    name: string,
    albumId: string,
    artistIds: string[],
    discNumber: number,
    trackNumber: number,
    isrc: string,
    explicit = false,
  ): CatalogTrack => ({
    id,
    name,
    albumId,
    artistIds,
    discNumber,
    trackNumber,
    durationMs: 200_000 + trackNumber * 1000,
    explicit,
    isrc,
  });
  const tracks = [
    track(s.trackIds.lanterns, "Lanterns", s.albumId, [s.artistId, s.featuredArtistId], 1, 1, s.isrc.lanterns, true),
    track(s.trackIds.tideTables, "Tide Tables", s.albumId, [s.artistId], 1, 2, s.isrc.tideTables),
    track(s.trackIds.undertow, "Undertow", s.albumId, [s.artistId], 2, 1, s.isrc.undertow),
    // The lead single: the same recording as the album's "Lanterns" (same ISRC), another track id.
    track(s.singleTrackId, "Lanterns", s.singleAlbumId, [s.artistId, s.featuredArtistId], 1, 1, s.isrc.lanterns, true),
    track(s.compilationTrackId, "Lanterns", s.compilationId, [s.artistId], 1, 1, s.isrc.lanterns),
    track(s.appearsOnTrackId, "Duet (Live)", s.appearsOnId, [s.featuredArtistId, s.artistId], 1, 1, s.isrc.duet),
  ];
  return {
    userId: "fake_user_1",
    artists: new Map(artists.map((a) => [a.id, a])),
    albums: new Map(albums.map((a) => [a.id, a])),
    tracks: new Map(tracks.map((t) => [t.id, t])),
    playlists: new Map([
      [
        s.playlistId,
        {
          id: s.playlistId,
          name: "Road Trip",
          ownerId: "fake_user_1",
          collaborative: false,
          snapshotId: "snap-road-trip-1",
          entries: [
            { type: "track", trackId: s.trackIds.lanterns },
            { type: "null" },
            { type: "local", name: "Voice Memo" },
            { type: "episode", id: "0SomeEpisode0000000001", name: "Talk Show" },
            { type: "track", trackId: s.trackIds.tideTables },
            { type: "track", trackId: s.singleTrackId },
          ],
        },
      ],
      [
        s.foreignPlaylistId,
        {
          id: s.foreignPlaylistId,
          name: "Not Mine",
          ownerId: "someone_else",
          collaborative: false,
          snapshotId: "snap-not-mine-1",
          entries: [{ type: "track", trackId: s.trackIds.undertow }],
        },
      ],
    ]),
    releases: new Map([
      [
        s.artistId,
        [
          { albumId: s.albumId, group: "album" },
          { albumId: s.singleAlbumId, group: "single" },
          { albumId: s.compilationId, group: "compilation" },
          { albumId: s.appearsOnId, group: "appears_on" },
        ],
      ],
      [s.featuredArtistId, [{ albumId: s.appearsOnId, group: "album" }]],
    ]),
    savedTrackIds: [s.trackIds.tideTables, s.trackIds.undertow],
    mainArtistIds: [s.artistId],
  };
}
