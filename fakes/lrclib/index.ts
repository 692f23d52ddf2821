/** The fake LRCLIB's public surface. */
export { startFakeLrclib, type FakeLrclib, type LrclibRecord, type LrclibRequest } from "./server.ts";
export { recordsFor, smallCatalogLyrics, syncedLinesOf, type LyricsKind } from "./records.ts";
