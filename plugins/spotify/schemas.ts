/**
 * Valibot schemas for the Spotify Web API responses musicdl reads. Lenient where Spotify is: fields removed for
 * dev-mode apps in Feb 2026 (popularity, label, genres, available_markets…) are optional or not read at all.
 */
import * as v from "valibot";

const ImageSchema = v.object({
  url: v.string(),
  width: v.nullish(v.number(), null),
  height: v.nullish(v.number(), null),
});

const ArtistRefSchema = v.object({ id: v.nullish(v.string()), name: v.string() });

/** Simplified album, as embedded in a full track and listed by /artists/{id}/albums. */
export const SimplifiedAlbumSchema = v.object({
  id: v.string(),
  name: v.string(),
  album_type: v.optional(v.string(), "album"),
  /** Only /artists/{id}/albums sets it, and 2026 dev-mode apps lose it. */
  album_group: v.optional(v.string()),
  artists: v.optional(v.array(ArtistRefSchema), []),
  release_date: v.optional(v.string(), ""),
  release_date_precision: v.optional(v.picklist(["year", "month", "day"]), "day"),
  total_tracks: v.optional(v.number(), 0),
  images: v.optional(v.array(ImageSchema), []),
});
export type SpotifySimplifiedAlbum = v.InferOutput<typeof SimplifiedAlbumSchema>;

/** Album track pages list simplified tracks: no album object and no ISRC. */
export const SimplifiedTrackSchema = v.object({
  id: v.nullish(v.string()),
  name: v.string(),
  artists: v.array(ArtistRefSchema),
  disc_number: v.optional(v.number(), 1),
  track_number: v.optional(v.number(), 1),
  duration_ms: v.number(),
  explicit: v.optional(v.boolean(), false),
  is_local: v.optional(v.boolean(), false),
});
export type SpotifySimplifiedTrack = v.InferOutput<typeof SimplifiedTrackSchema>;

export const FullTrackSchema = v.object({
  ...SimplifiedTrackSchema.entries,
  type: v.optional(v.string(), "track"),
  album: SimplifiedAlbumSchema,
  // Announced for removal in Feb 2026, kept after March 2026; still optional (unavailable tracks send `{}`).
  external_ids: v.optional(v.object({ isrc: v.optional(v.string()) }), {}),
});
export type SpotifyFullTrack = v.InferOutput<typeof FullTrackSchema>;

/**
 * A page of a list. Spotify sometimes sends an entry as null (a deleted or hidden object in a library list or
 * search answer); such an entry is dropped here rather than failing the whole source.
 */
export function pagingSchema<T extends v.GenericSchema>(item: T) {
  return v.object({
    items: presentItems(item),
    next: v.nullish(v.string(), null),
    offset: v.optional(v.number(), 0),
    total: v.optional(v.number(), 0),
  });
}

function presentItems<T extends v.GenericSchema>(item: T) {
  return v.pipe(
    v.array(v.nullable(item)),
    v.transform((items) => items.filter((entry): entry is NonNullable<typeof entry> => entry !== null)),
  );
}

export const AlbumSchema = v.object({
  ...SimplifiedAlbumSchema.entries,
  tracks: pagingSchema(SimplifiedTrackSchema),
});
export type SpotifyAlbum = v.InferOutput<typeof AlbumSchema>;

export const AlbumTracksPageSchema = pagingSchema(SimplifiedTrackSchema);
export const ArtistAlbumsPageSchema = pagingSchema(SimplifiedAlbumSchema);
export const SeveralTracksSchema = v.object({ tracks: v.array(v.nullable(FullTrackSchema)) });

/**
 * A playlist entry. Legacy apps see `track`, 2026 dev-mode apps `item`, apps in transition both.
 * The inner object may be null (removed track), a local file, or a podcast episode; those are checked loosely here
 * and skipped by the resolver.
 */
export const PlaylistEntrySchema = v.object({
  is_local: v.optional(v.boolean(), false),
  track: v.nullish(v.looseObject({ type: v.optional(v.string()), is_local: v.optional(v.boolean()) })),
  item: v.nullish(v.looseObject({ type: v.optional(v.string()), is_local: v.optional(v.boolean()) })),
});
export type SpotifyPlaylistEntry = v.InferOutput<typeof PlaylistEntrySchema>;
export const PlaylistEntriesPageSchema = pagingSchema(PlaylistEntrySchema);

/** `GET /playlists/{id}`: `items` (2026) or `tracks` (legacy), both in transition, neither when withheld. */
export const PlaylistSchema = v.object({
  id: v.string(),
  name: v.string(),
  snapshot_id: v.optional(v.string()),
  items: v.optional(
    v.object({ ...PlaylistEntriesPageSchema.entries, items: v.optional(presentItems(PlaylistEntrySchema)) }),
  ),
  tracks: v.optional(
    v.object({ ...PlaylistEntriesPageSchema.entries, items: v.optional(presentItems(PlaylistEntrySchema)) }),
  ),
});
export type SpotifyPlaylist = v.InferOutput<typeof PlaylistSchema>;

export const PlaylistProbeSchema = v.object({ name: v.optional(v.string(), ""), snapshot_id: v.optional(v.string()) });

/** `GET /me/tracks` entries. */
export const SavedTracksPageSchema = pagingSchema(v.object({ track: v.nullish(v.unknown()) }));

/** `GET /me/albums`: each saved album whole, with the first page of its tracks. */
export const SavedAlbumsPageSchema = pagingSchema(v.object({ album: AlbumSchema }));

/** `GET /me/following?type=artist`: cursor paging (`cursors.after`), not offset, under an `artists` member. */
export const FollowedArtistsPageSchema = v.object({
  artists: v.object({
    items: presentItems(v.object({ id: v.string(), name: v.string() })),
    /** null on the last page; absent only from an answer that pages by `cursors.after` alone. */
    next: v.optional(v.nullable(v.string())),
    cursors: v.nullish(v.object({ after: v.nullish(v.string(), null) }), null),
  }),
});

/** `GET /me/playlists`: owned, collaborative and followed playlists alike, with their snapshot ids. */
export const MyPlaylistsPageSchema = pagingSchema(
  v.object({
    id: v.string(),
    // Spotify has listed followed playlists with a null name and an owner whose fields are all null.
    name: v.nullish(v.string(), ""),
    owner: v.nullish(v.object({ id: v.nullish(v.string()) })),
    collaborative: v.optional(v.boolean(), false),
    snapshot_id: v.optional(v.string()),
  }),
);

/** `GET /me`: only the id is read (the 2026 rules dropped country, email, product…). */
export const CurrentUserSchema = v.object({ id: v.string() });

/** Web API error body `{error:{status,message}}`, plus `reason` on quota 429s (July 2026 changelog). */
export const ApiErrorBodySchema = v.object({
  error: v.object({
    status: v.optional(v.number()),
    message: v.optional(v.string(), ""),
    reason: v.optional(v.string()),
  }),
});

/** Accounts service answers, OAuth-shaped (not the Web API error shape). */
export const TokenResponseSchema = v.object({
  access_token: v.string(),
  token_type: v.optional(v.string()),
  expires_in: v.optional(v.number(), 3600),
  refresh_token: v.optional(v.string()),
  scope: v.optional(v.string()),
});
export const TokenErrorSchema = v.object({ error: v.string(), error_description: v.optional(v.string()) });
