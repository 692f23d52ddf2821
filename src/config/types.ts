/** The normalized config every other module reads: origin aliases folded in, defaults applied, units in names. */
import type { AudioFormat } from "../plugins/api.ts";

export type SourceSection =
  | "songs"
  | "albums"
  | "playlists"
  | "artists"
  | "saved"
  | "saved-albums"
  | "followed-artists"
  | "my-playlists";
export type OverwriteMode = "skip" | "metadata" | "overwrite";
/** Where lyrics go: embedded in the tags, an `.lrc` file beside the audio, or both. */
export type LyricsOutput = "embed" | "lrc" | "both";

/** One entry of `songs:`/`albums:`/`playlists:`/`artists:` (or one CLI argument). */
export interface SourceEntry {
  readonly section: SourceSection;
  /** Label for logs and summaries; never used for file names or tags. */
  readonly name?: string;
  /** The URL or URI as written (a Spotify URL, `spotify:track:…`, `saved`, or a library keyword like `my-playlists`). */
  readonly url: string;
  /** Whether this entry writes an M3U (playlists default true, albums false, songs/artists never). */
  readonly createM3u: boolean;
  /** Line in the config file, for messages; absent for CLI sources. */
  readonly line?: number;
  /** The library word (`saved-albums`, `followed-artists`, `my-playlists`) this entry was expanded from. */
  readonly via?: string;
}

export interface DownloadSettings {
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Output path template, relative to `outputDir`. */
  readonly output: string;
  /** Library root: `--output`, else the working directory (as earlier versions did). An absolute `output` ignores it. */
  readonly outputDir: string;
  readonly format: AudioFormat;
  /** `128k`, `320k`…, `auto` (no higher than the source) or `copy` (no re-encode). */
  readonly bitrate: string;
  readonly threads: number;
  readonly maxRetries: number;
  readonly overwrite: OverwriteMode;
  readonly audioProviders: readonly string[];
  /** `download.pins`: track key (`spotify:<id>`, see trackKey) → pin target (provider link, `provider:id`, video id or `skip`). */
  readonly pins?: Readonly<Record<string, string>>;
  /** Absolute plugin folders from `plugins_dir`. */
  readonly pluginsDirs: readonly string[];
  /** Lyrics plugins in the order asked; empty when lyrics are off (`lyrics: false`). */
  readonly lyricsProviders: readonly string[];
  readonly lyricsOutput: LyricsOutput;
  /** `m3u8` (default) or `m3u`. */
  readonly m3uExtension: "m3u8" | "m3u";
  /** sqlite file holding cache, plan state and library index. */
  readonly cachePath: string;
  readonly cacheTtlS: number;
  readonly cacheMaxSize: number;
  readonly audioSearchCacheTtlS: number;
  readonly audioSearchCacheMaxSize: number;
  readonly fileExistenceCacheTtlS: number;
  readonly fileExistenceCacheMaxSize: number;
  readonly spotifyMaxRetries: number;
  readonly spotifyRetryBaseDelayS: number;
  readonly spotifyRetryMaxDelayS: number;
  readonly spotifyRateLimitEnabled: boolean;
  readonly spotifyRateLimitRequests: number;
  readonly spotifyRateLimitWindowS: number;
  /** Longest Retry-After musicdl sits out before stopping with exit 3. */
  readonly spotifyMaxWaitS: number;
  /** Concurrent Spotify requests at most. */
  readonly spotifyConcurrency: number;
  readonly downloadRateLimitEnabled: boolean;
  readonly downloadRateLimitRequests: number;
  readonly downloadRateLimitWindowS: number;
  /** Bytes per second, or null for unlimited. */
  readonly downloadBandwidthLimit: number | null;
  /** Concurrent provider searches / downloads / ffmpeg processes. */
  readonly searchConcurrency: number;
  readonly downloadConcurrency: number;
  readonly ffmpegConcurrency: number;
  /** Seconds an ffmpeg/ffprobe run may go without progress before it is stopped and the item fails. */
  readonly ffmpegStallTimeoutS: number;
  /** Netscape cookies.txt for the YouTube providers. */
  readonly cookies?: string;
  /** Spotify market (ISO country) passed with client-credentials tokens. */
  readonly market?: string;
}

export interface MatchSettings {
  /** Penalty weights by name; merged over the matcher's defaults. */
  readonly weights: Readonly<Record<string, number>>;
  /** Distance at or below which a candidate is a strong match. */
  readonly strongThreshold: number;
  /** Distance at or below which a candidate is acceptable; above it, rejected. */
  readonly acceptThreshold: number;
}

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
