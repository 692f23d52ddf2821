/** The fake LRCLIB's public surface. */
export { startFakeLrclib, type FakeLrclib, type LrclibRecord, type LrclibRequest } from "./server.ts";
export { recordsFor, syncedLinesOf, type LyricsKind } from "./records.ts";
