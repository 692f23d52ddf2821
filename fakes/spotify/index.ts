/** The offline Spotify fake: server, catalogs and request minimums, for tests, the demo and benches. */
export { createCatalog, editPlaylist } from "./catalog.ts";
export type { Catalog, CatalogSpec, ArtistSpec, PlaylistSpec, CatalogPlaylistEntry } from "./catalog.ts";
export { createSmallCatalog, SMALL } from "./small-catalog.ts";
export { minimumRequests, defaultPageCaps } from "./minimum.ts";
export type { ApiShape, PageCaps, SourceSpec, RequestMinimum } from "./minimum.ts";
export { startFakeSpotify, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from "./server.ts";
export type { FakeSpotify, FakeSpotifyOptions, FakeSpotifySwitches, Fault, RequestLogEntry } from "./server.ts";
export { createFakeClock } from "./fake-clock.ts";
export type { FakeClock } from "./fake-clock.ts";
