/**
 * The fake Spotify's data: a deterministic generated catalog (seeded PRNG) of artists, albums, singles,
 * compilations, appears_on releases, tracks with ISRCs, playlists and saved tracks, plus the request minimum a
 * config needs. Plain data; the server turns it into Web API JSON (see builders.ts).
 */
import { createPrng, type Prng } from "./prng.ts";

export type AlbumType = "album" | "single" | "compilation";
export type ReleaseGroup = AlbumType | "appears_on";

export interface CatalogArtist {
  readonly id: string;
  readonly name: string;
}
export interface CatalogAlbum {
  readonly id: string;
  name: string;
  readonly albumType: AlbumType;
  readonly artistIds: readonly string[];
  readonly releaseDate: string;
  readonly releaseDatePrecision: "year" | "month" | "day";
  readonly trackIds: string[];
  readonly label: string;
  readonly upc: string;
}
export interface CatalogTrack {
  readonly id: string;
  readonly name: string;
  readonly artistIds: readonly string[];
  readonly albumId: string;
  readonly discNumber: number;
  readonly trackNumber: number;
  readonly durationMs: number;
  readonly explicit: boolean;
  readonly isrc?: string;
}
export type CatalogPlaylistEntry =
  | { readonly type: "track"; readonly trackId: string }
  | { readonly type: "null" }
  | { readonly type: "local"; readonly name: string }
  | { readonly type: "episode"; readonly id: string; readonly name: string };
export interface CatalogPlaylist {
  readonly id: string;
  name: string;
  readonly ownerId: string;
  readonly collaborative: boolean;
  snapshotId: string;
  entries: CatalogPlaylistEntry[];
}
export interface CatalogRelease {
  readonly albumId: string;
  readonly group: ReleaseGroup;
}

export interface Catalog {
  /** The user a user token (from `auth login`) belongs to. */
  readonly userId: string;
  readonly artists: Map<string, CatalogArtist>;
  readonly albums: Map<string, CatalogAlbum>;
  readonly tracks: Map<string, CatalogTrack>;
  readonly playlists: Map<string, CatalogPlaylist>;
  /** Per artist, every release in `GET /artists/{id}/albums` order, compilations and appears_on included. */
  readonly releases: Map<string, CatalogRelease[]>;
  readonly savedTrackIds: string[];
  /** `GET /me/albums`, in the user's order. */
  savedAlbumIds?: string[];
  /** `GET /me/following?type=artist`, in the user's order. */
  followedArtistIds?: string[];
  /** Ids of the artists the spec asked for, in spec order (helper artists excluded). */
  readonly mainArtistIds: string[];
}

export interface ArtistSpec {
  readonly albums?: number;
  readonly singles?: number;
  readonly compilations?: number;
  readonly appearsOn?: number;
  readonly tracksPerAlbum?: number | readonly [number, number];
  /** Discs per album (tracks split evenly). */
  readonly discs?: number;
}
export interface PlaylistSpec {
  readonly size: number;
  readonly nulls?: number;
  readonly locals?: number;
  readonly episodes?: number;
  /** Owned by the catalog's user (default true); otherwise by someone else. */
  readonly owned?: boolean;
  readonly collaborative?: boolean;
}
export interface CatalogSpec {
  readonly seed?: number;
  readonly artists?: readonly ArtistSpec[];
  readonly playlists?: readonly PlaylistSpec[];
  readonly savedTracks?: number;
  /**
   * Draw playlist and saved tracks from this many extra artists (not in `mainArtistIds`) instead of from the
   * spec's artists, so artist/album sources do not overlap playlists.
   */
  readonly playlistOnlyArtists?: number;
}

const WORDS = [
  "Neon",
  "River",
  "Glass",
  "Echo",
  "Velvet",
  "Static",
  "Harbor",
  "Ember",
  "Orbit",
  "Paper",
  "Silver",
  "Hollow",
  "Atlas",
  "Lumen",
  "Cedar",
  "Drift",
  "Signal",
  "Marble",
  "Quiet",
  "Solar",
];

export function createCatalog(spec: CatalogSpec = {}): Catalog {
  const prng = createPrng(spec.seed ?? 1);
  const catalog: Catalog = {
    userId: "fake_user_1",
    artists: new Map(),
    albums: new Map(),
    tracks: new Map(),
    playlists: new Map(),
    releases: new Map(),
    savedTrackIds: [],
    mainArtistIds: [],
  };
  const gen = createGenerator(catalog, prng);
  const various = gen.artist("Various Artists");
  for (const [index, artistSpec] of (spec.artists ?? []).entries()) {
    const artist = gen.artist(`${prng.pick(WORDS)} ${prng.pick(WORDS)} ${index + 1}`);
    catalog.mainArtistIds.push(artist.id);
    gen.discography(artist, artistSpec, various);
  }
  const before = new Set(catalog.tracks.keys());
  for (let i = 0; i < (spec.playlistOnlyArtists ?? 0); i++) {
    gen.discography(
      gen.artist(`${prng.pick(WORDS)} Playlist Act ${i + 1}`),
      { albums: 3, singles: 2, tracksPerAlbum: 12 },
      various,
    );
  }
  const pool = spec.playlistOnlyArtists
    ? [...catalog.tracks.keys()].filter((id) => !before.has(id))
    : [...catalog.tracks.keys()];
  for (const [index, playlistSpec] of (spec.playlists ?? []).entries()) gen.playlist(index, playlistSpec, pool);
  for (let i = 0; i < (spec.savedTracks ?? 0) && pool.length > 0; i++) catalog.savedTrackIds.push(prng.pick(pool));
  return catalog;
}

function createGenerator(catalog: Catalog, prng: Prng) {
  let isrcCounter = 0;
  const release = (artistId: string, albumId: string, group: ReleaseGroup) => {
    const list = catalog.releases.get(artistId) ?? [];
    list.push({ albumId, group });
    catalog.releases.set(artistId, list);
  };
  const isrc = () =>
    `QZ${"ABCDEFGH"[isrcCounter % 8]}${"XYZ"[isrcCounter % 3]}${String(isrcCounter % 7)}26${String(++isrcCounter).padStart(5, "0")}`;
  const date = () => {
    const precision = prng.next() < 0.1 ? "year" : "day";
    const year = prng.int(1970, 2026);
    return {
      releaseDate:
        precision === "year"
          ? String(year)
          : `${year}-${String(prng.int(1, 12)).padStart(2, "0")}-${String(prng.int(1, 28)).padStart(2, "0")}`,
      releaseDatePrecision: precision,
    } as const;
  };

  function album(name: string, albumType: AlbumType, artistIds: readonly string[]): CatalogAlbum {
    const created: CatalogAlbum = {
      id: prng.id(),
      name,
      albumType,
      artistIds,
      ...date(),
      trackIds: [],
      label: `${prng.pick(WORDS)} Records`,
      upc: String(prng.int(1e11, 9e11)),
    };
    catalog.albums.set(created.id, created);
    return created;
  }

  function track(
    onAlbum: CatalogAlbum,
    artistIds: readonly string[],
    discNumber: number,
    trackNumber: number,
    fixedIsrc?: string,
  ): CatalogTrack {
    const created: CatalogTrack = {
      id: prng.id(),
      name: `${prng.pick(WORDS)} ${prng.pick(WORDS)}${prng.next() < 0.1 ? " (Remastered)" : ""}`,
      artistIds,
      albumId: onAlbum.id,
      discNumber,
      trackNumber,
      durationMs: prng.int(90_000, 420_000),
      explicit: prng.next() < 0.2,
      isrc: fixedIsrc ?? isrc(),
    };
    catalog.tracks.set(created.id, created);
    onAlbum.trackIds.push(created.id);
    return created;
  }

  function fill(onAlbum: CatalogAlbum, count: number, discs: number, artistsOf: () => readonly string[]): void {
    const perDisc = Math.ceil(count / discs);
    for (let i = 0; i < count; i++) track(onAlbum, artistsOf(), Math.floor(i / perDisc) + 1, (i % perDisc) + 1);
  }

  return {
    artist(name: string): CatalogArtist {
      const created = { id: prng.id(), name };
      catalog.artists.set(created.id, created);
      return created;
    },
    discography(artist: CatalogArtist, spec: ArtistSpec, various: CatalogArtist): void {
      const size = () =>
        typeof spec.tracksPerAlbum === "number" ? spec.tracksPerAlbum : prng.int(...(spec.tracksPerAlbum ?? [8, 14]));
      const guest = this.artist(`${prng.pick(WORDS)} Guest`);
      const credits = () => (prng.next() < 0.2 ? [artist.id, guest.id] : [artist.id]);
      const albumTracks: CatalogTrack[] = [];
      for (let i = 0; i < (spec.albums ?? 2); i++) {
        const created = album(`${prng.pick(WORDS)} ${prng.pick(WORDS)} LP ${i + 1}`, "album", [artist.id]);
        fill(created, size(), spec.discs ?? 1, credits);
        albumTracks.push(...created.trackIds.map((id) => catalog.tracks.get(id)!));
        release(artist.id, created.id, "album");
      }
      for (let i = 0; i < (spec.singles ?? 1); i++) {
        // Every other single is a lead single: same recording (same ISRC) as an album track, another track id.
        const lead = i % 2 === 0 && albumTracks.length > 0 ? prng.pick(albumTracks) : undefined;
        const created = album(lead ? lead.name : `${prng.pick(WORDS)} Single ${i + 1}`, "single", [artist.id]);
        track(created, [artist.id], 1, 1, lead?.isrc);
        release(artist.id, created.id, "single");
      }
      for (let i = 0; i < (spec.compilations ?? 0); i++) {
        const created = album(`Best of ${prng.pick(WORDS)} ${i + 1}`, "compilation", [various.id]);
        fill(created, 6, 1, () => [artist.id]);
        release(artist.id, created.id, "compilation");
      }
      for (let i = 0; i < (spec.appearsOn ?? 0); i++) {
        const created = album(`${prng.pick(WORDS)} Sessions ${i + 1}`, "album", [guest.id]);
        fill(created, 5, 1, () => (prng.next() < 0.5 ? [guest.id, artist.id] : [guest.id]));
        release(guest.id, created.id, "album");
        release(artist.id, created.id, "appears_on");
      }
    },
    playlist(index: number, spec: PlaylistSpec, pool: readonly string[]): void {
      const entries: CatalogPlaylistEntry[] = Array.from(
        { length: spec.size },
        () => ({ type: "track", trackId: prng.pick(pool) }) as const,
      );
      const place = (entry: CatalogPlaylistEntry) => entries.splice(prng.int(0, entries.length), 0, entry);
      for (let i = 0; i < (spec.nulls ?? 0); i++) place({ type: "null" });
      for (let i = 0; i < (spec.locals ?? 0); i++) place({ type: "local", name: `Home Recording ${i + 1}` });
      for (let i = 0; i < (spec.episodes ?? 0); i++)
        place({ type: "episode", id: prng.id(), name: `Podcast Episode ${i + 1}` });
      const created: CatalogPlaylist = {
        id: prng.id(),
        name: `${prng.pick(WORDS)} Mix ${index + 1}`,
        ownerId: spec.owned === false ? "someone_else" : catalog.userId,
        collaborative: spec.collaborative ?? false,
        snapshotId: `snap-${prng.id()}`,
        entries,
      };
      catalog.playlists.set(created.id, created);
    },
  };
}

/** Changes a playlist's contents the way an edit in the Spotify app does: new entries, new snapshot_id. */
export function editPlaylist(catalog: Catalog, playlistId: string, entries: CatalogPlaylistEntry[]): void {
  const playlist = catalog.playlists.get(playlistId);
  if (!playlist) throw new Error(`no playlist ${playlistId}`);
  playlist.entries = entries;
  playlist.snapshotId = `${playlist.snapshotId}+`;
}
