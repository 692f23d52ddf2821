/**
 * The library the real-client test downloads: several credited artists on one track, non-Latin names and titles, a
 * 2-disc album reached only through a playlist (its disc count is unknown to musicdl) and a 1-disc album listed as
 * an album (its disc count is known). `EXPECTED` is what every reader must show for each file.
 */
import type { Catalog, CatalogAlbum, CatalogTrack } from "../../../fakes/spotify/catalog.ts";

export const IDS = {
  harbor: "0HarborLightsArtist001",
  zoe: "0ZoeAngstromArtist0001",
  miu: "0MiuSakamotoArtist0001",
  twoDiscs: "0TwoHarboursAlbum00001",
  sessions: "0AngstromSessions00001",
  roadTrip: "0RoadTripPlaylist00001",
} as const;

const ARTIST = { harbor: "Harbor Lights", zoe: "Zoë & the Ångström Señores", miu: "坂本 美雨" } as const;
const RELEASE_DATE = "2024-05-17";

export interface ExpectedTrack {
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string;
  readonly albumArtists: readonly string[];
  readonly track: number;
  /** Tracks on the disc; absent when musicdl cannot know it (Spotify's total counts every disc). */
  readonly trackTotal?: number;
  readonly disc: number;
  /** Absent when musicdl cannot know it (the album was reached through a playlist). */
  readonly discTotal?: number;
  readonly isrc: string;
}

interface TrackRow extends Omit<ExpectedTrack, "album" | "albumArtists"> {
  readonly id: string;
  readonly albumId: string;
  readonly artistIds: readonly string[];
}

const TRACKS: readonly TrackRow[] = [
  {
    id: "0LanternsTrack00000001",
    albumId: IDS.twoDiscs,
    title: "Lanterns",
    artistIds: [IDS.harbor, IDS.zoe, IDS.miu],
    artists: [ARTIST.harbor, ARTIST.zoe, ARTIST.miu],
    track: 1,
    disc: 1,
    isrc: "QZHBL2600001",
  },
  {
    id: "0TokyoRainTrack0000001",
    albumId: IDS.twoDiscs,
    title: "東京の雨",
    artistIds: [IDS.harbor],
    artists: [ARTIST.harbor],
    track: 2,
    disc: 1,
    isrc: "QZHBL2600002",
  },
  {
    id: "0UndertowTrack00000001",
    albumId: IDS.twoDiscs,
    title: "Undertow",
    artistIds: [IDS.harbor, IDS.zoe],
    artists: [ARTIST.harbor, ARTIST.zoe],
    track: 1,
    disc: 2,
    isrc: "QZHBL2600003",
  },
  {
    id: "0SenalTrack00000000001",
    albumId: IDS.sessions,
    title: "Señal",
    artistIds: [IDS.zoe],
    artists: [ARTIST.zoe],
    track: 1,
    disc: 1,
    trackTotal: 2,
    discTotal: 1,
    isrc: "QZHBL2600004",
  },
  {
    id: "0YolkaTrack00000000001",
    albumId: IDS.sessions,
    title: "Ёлка",
    artistIds: [IDS.zoe, IDS.miu],
    artists: [ARTIST.zoe, ARTIST.miu],
    track: 2,
    disc: 1,
    trackTotal: 2,
    discTotal: 1,
    isrc: "QZHBL2600005",
  },
];

const ALBUMS = {
  [IDS.twoDiscs]: { name: "Two Harbours / 二つの港", artistIds: [IDS.harbor], artists: [ARTIST.harbor] },
  [IDS.sessions]: { name: "Ångström Sessions", artistIds: [IDS.zoe], artists: [ARTIST.zoe] },
} as const;

export const EXPECTED: readonly ExpectedTrack[] = TRACKS.map((row) => {
  const album = ALBUMS[row.albumId as keyof typeof ALBUMS];
  return {
    title: row.title,
    artists: row.artists,
    album: album.name,
    albumArtists: album.artists,
    track: row.track,
    ...(row.trackTotal ? { trackTotal: row.trackTotal } : {}),
    disc: row.disc,
    ...(row.discTotal ? { discTotal: row.discTotal } : {}),
    isrc: row.isrc,
  };
});

export const RELEASE = RELEASE_DATE;
/** The playlist's entries, in order: the 2-disc album's tracks, disc 2 first. */
export const ROAD_TRIP = { name: "Road Trip", trackIds: [TRACKS[2]!.id, TRACKS[0]!.id, TRACKS[1]!.id] } as const;

export function createRealClientsCatalog(): Catalog {
  const albums: CatalogAlbum[] = Object.entries(ALBUMS).map(([id, album]) => ({
    id,
    name: album.name,
    albumType: "album",
    artistIds: album.artistIds,
    releaseDate: RELEASE_DATE,
    releaseDatePrecision: "day",
    trackIds: TRACKS.filter((row) => row.albumId === id).map((row) => row.id),
    label: "Tidewater Records",
    upc: "000000000001",
  }));
  const tracks: CatalogTrack[] = TRACKS.map((row) => ({
    id: row.id,
    name: row.title,
    albumId: row.albumId,
    artistIds: row.artistIds,
    discNumber: row.disc,
    trackNumber: row.track,
    durationMs: 200_000 + row.track * 1000,
    explicit: false,
    isrc: row.isrc,
  }));
  return {
    userId: "fake_user_1",
    artists: new Map(
      Object.entries(ARTIST).map(([key, name]) => [
        IDS[key as keyof typeof ARTIST],
        { id: IDS[key as keyof typeof ARTIST], name },
      ]),
    ),
    albums: new Map(albums.map((album) => [album.id, album])),
    tracks: new Map(tracks.map((track) => [track.id, track])),
    playlists: new Map([
      [
        IDS.roadTrip,
        {
          id: IDS.roadTrip,
          name: ROAD_TRIP.name,
          ownerId: "fake_user_1",
          collaborative: false,
          snapshotId: "snap-road-trip-1",
          entries: ROAD_TRIP.trackIds.map((trackId) => ({ type: "track" as const, trackId })),
        },
      ],
    ]),
    releases: new Map([
      [IDS.harbor, [{ albumId: IDS.twoDiscs, group: "album" as const }]],
      [IDS.zoe, [{ albumId: IDS.sessions, group: "album" as const }]],
    ]),
    savedTrackIds: [],
    mainArtistIds: [IDS.harbor, IDS.zoe],
  };
}
