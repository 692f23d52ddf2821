/** The normalized config every other module reads: origin aliases folded in, defaults applied, units in names. */
import type { CacheSettings } from "./settings/caches.ts";
import type { ExecutorSettings } from "./settings/executor.ts";
import type { LibrarySettings } from "./settings/library.ts";
import type { LyricsSettings } from "./settings/lyrics.ts";
import type { MatchSettings } from "./settings/match.ts";
import type { PluginSettings } from "./settings/plugins.ts";
import type { ProviderHttpSettings } from "./settings/provider-http.ts";
import type { SpotifySettings } from "./settings/spotify.ts";

export type { CacheSettings } from "./settings/caches.ts";
export type { ExecutorSettings } from "./settings/executor.ts";
export type { LibrarySettings, OverwriteMode } from "./settings/library.ts";
export type { LyricsOutput, LyricsSettings } from "./settings/lyrics.ts";
export type { MatchSettings } from "./settings/match.ts";
export type { PluginSettings } from "./settings/plugins.ts";
export type { ProviderHttpSettings } from "./settings/provider-http.ts";
export type { SpotifySettings } from "./settings/spotify.ts";

export type SourceSection =
  | "songs"
  | "albums"
  | "playlists"
  | "artists"
  | "saved"
  | "saved-albums"
  | "followed-artists"
  | "my-playlists";

/** One entry of `songs:`/`albums:`/`playlists:`/`artists:` (or one CLI argument). */
export interface SourceEntry {
  readonly section: SourceSection;
  /** Label for logs and summaries; never used for file names or tags. */
  readonly name?: string;
  /** The entry as written: a source's link or URI, or a library keyword of a source (`saved`, `my-playlists`…). */
  readonly url: string;
  /** Whether this entry writes an M3U (playlists default true, albums false, songs/artists never). */
  readonly createM3u: boolean;
  /** Line in the config file, for messages; absent for CLI sources. */
  readonly line?: number;
  /** The library word (`saved-albums`, `followed-artists`, `my-playlists`) this entry was expanded from. */
  readonly via?: string;
}

/**
 * Everything `download:` means for a run, defaults applied. Each part is inferred from the schema of the keys its
 * reader needs (src/config/settings/), so a key is written once.
 */
export type DownloadSettings = SpotifySettings &
  ExecutorSettings &
  LibrarySettings &
  PluginSettings &
  CacheSettings &
  ProviderHttpSettings &
  LyricsSettings & {
    /** `download.pins`: track key (`spotify:<id>`, see trackKey) → pin target (provider link, `provider:id`, video id or `skip`). */
    readonly pins?: Readonly<Record<string, string>>;
  };

export interface Config {
  /** Absolute path of the file read, or null when none was (CLI sources only). */
  readonly file: string | null;
  readonly version: "1.2";
  readonly download: DownloadSettings;
  readonly match: MatchSettings;
  /** Every source entry, in file order: songs, albums, playlists, artists. */
  readonly sources: readonly SourceEntry[];
  /** `plugins.<name>` option values, unvalidated (each plugin validates its own). */
  readonly pluginOptions: Readonly<Record<string, unknown>>;
  /** Warnings found while loading (deprecated keys, duplicate entries). */
  readonly warnings: readonly string[];
}
