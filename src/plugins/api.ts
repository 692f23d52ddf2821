/**
 * The plugin contract, published as `musicdl/plugin`. Types only: a plugin `import type`s from here and gets
 * everything it runs with through its {@link PluginContext}, so a plugin file works beside the compiled binary
 * without a copy of musicdl.
 *
 * @example
 * ```ts
 * import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
 * export default (ctx: PluginContext) =>
 *   ({ apiVersion: 1, kind: "provider", name: "bandcamp", search, download }) satisfies ProviderPlugin;
 * ```
 */

/** The contract version this file describes. A plugin declares it as `apiVersion: 1`. */
export type PluginApiVersion = 1;

/** Audio containers musicdl writes. */
export type AudioFormat = "mp3" | "m4a" | "opus" | "ogg" | "flac" | "wav";

/** One cover image as the source lists it (largest first is not guaranteed; sort by width). */
export interface ImageRef {
  readonly url: string;
  readonly width: number | null;
  readonly height: number | null;
}

/** The album a track belongs to, as its source describes it. */
export interface AlbumMeta {
  readonly id: string;
  readonly name: string;
  /** `album`, `single` or `compilation`. */
  readonly type: string;
  readonly artists: readonly string[];
  /** `2011`, `2011-04` or `2011-04-18`, see `releaseDatePrecision`; empty when unknown (Spotify's `0000`). */
  readonly releaseDate: string;
  readonly releaseDatePrecision: "year" | "month" | "day";
  readonly totalTracks: number;
  readonly images: readonly ImageRef[];
  /** Discs on the album when known (highest disc number among its tracks). */
  readonly totalDiscs?: number;
  /** Tracks on each disc (index 0 is disc 1) when the album's track list was read. */
  readonly tracksPerDisc?: readonly number[];
}

/**
 * A recording to find, as its source describes it. Plain JSON data. A track is identified by its source's name and
 * the source's own id (`"spotify"` + `"1RKbVxcm267VdsIzqY7msi"`): plan items, caches and the library index key on
 * the pair, so two sources may use the same id without meeting.
 *
 * @example
 * ```ts
 * { source: "spotify", id: "1RKbVxcm267VdsIzqY7msi", title: "YYZ", artists: ["Rush"], durationMs: 266_000, … }
 * ```
 */
export interface TrackMeta {
  /** The source plugin's `name` (`spotify`, `deezer`…). */
  readonly source: string;
  /** The source's own id of this track, stable across runs (no tab or newline). */
  readonly id: string;
  readonly title: string;
  /** Every credited artist, in the source's order. */
  readonly artists: readonly string[];
  readonly album: AlbumMeta;
  readonly discNumber: number;
  readonly trackNumber: number;
  readonly durationMs: number;
  readonly explicit: boolean;
  /** Absent when the source gave none (Spotify's simplified objects, some apps). */
  readonly isrc?: string;
  /** A page a person can open (`https://open.spotify.com/track/<id>`); taggers write it as the source URL. */
  readonly url?: string;
  /**
   * Extra tags the source asks for, written by every tagger as a user-defined tag named by the key (ID3
   * `TXXX:<KEY>`, Vorbis `<KEY>=`, MP4 `----:com.apple.iTunes:<KEY>`). Spotify asks for `SPOTIFY_ID` and
   * `SPOTIFY_URL`. Keys are upper-case letters, digits and `_`.
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What a provider found. The core scores candidates; a provider never decides. */
export interface AudioCandidate {
  /** The provider's `name`. */
  readonly provider: string;
  /** The provider's own id of this recording (a YouTube video id, a Bandcamp URL…). */
  readonly id: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album?: string;
  readonly durationMs: number;
  /** `song`: an audio release (YouTube Music "song", a Bandcamp track); `video`: an upload with pictures. */
  readonly kind: "song" | "video";
  /** Only when the provider really knows it; equality with the track's ISRC is the strongest signal. */
  readonly isrc?: string;
  /** A page a person can open. */
  readonly url: string;
  /** Opaque to the core; handed back to the provider's `download`. Must be JSON-serializable. */
  readonly data?: unknown;
}

/** A finished download in the temp dir. The core converts and moves it. */
export interface DownloadedAudio {
  /** Absolute path of the downloaded file, inside the `tempDir` given to `download`. */
  readonly file: string;
  /** Codec of the audio stream: `opus`, `aac`, `mp3`, `vorbis`, `flac`… (lets the core stream-copy). */
  readonly codec: string;
  /** Container of the file: `webm`, `mp4`, `ogg`, `mp3`… */
  readonly container: string;
  readonly bitrateKbps?: number;
  readonly sizeBytes: number;
}

/**
 * Tags the core asks a tagger to write, named after MusicBrainz Picard's fields (docs/tags.md maps each to the
 * frame or key of every format). Multi-valued fields are arrays; the tagger stores them as its format wants.
 */
export interface TagSet {
  readonly title: string;
  /** Picard's `artist`: the credited artists as one display string, `A, B, C`. */
  readonly artist: string;
  /** Picard's `artists`: every credited artist, in the source's order. */
  readonly artists: readonly string[];
  readonly album: string;
  /** Picard's `albumartist`: the album's artists as one display string. */
  readonly albumArtist: string;
  /** Picard's `albumartists`. */
  readonly albumArtists: readonly string[];
  readonly trackNumber: number;
  /** Tracks on this track's disc (Picard's `totaltracks`); absent when musicdl cannot know it. */
  readonly trackTotal?: number;
  readonly discNumber: number;
  /** Discs of the album (Picard's `totaldiscs`); absent when musicdl cannot know it. */
  readonly discTotal?: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when the source knows no date (write no date tag then). */
  readonly date: string;
  readonly isrc?: string;
  /** The source calls the album a compilation (Picard's `compilation`, written as 1). */
  readonly compilation: boolean;
  /** Picard's `media`: always `Digital Media` for a download. */
  readonly media: string;
  /** The track's page at its source (TrackMeta `url`): ID3 `WOAS`; absent when the source gave none. */
  readonly sourceUrl?: string;
  /** User-defined tags the source asked for (TrackMeta `tags`), in its order; `{}` when none. */
  readonly extra: Readonly<Record<string, string>>;
  readonly explicit: boolean;
  /** Free text, usually the URL the audio came from. */
  readonly comment?: string;
  /** Embedded front cover, JPEG or PNG bytes. */
  readonly cover?: { readonly mime: "image/jpeg" | "image/png"; readonly data: Uint8Array };
  /**
   * Lyrics to embed (absent: none found, or `download.lyrics_output: lrc`). A tagger writes `plain` as the
   * format's unsynchronised lyrics (ID3 `USLT`, Vorbis `LYRICS`, MP4 `©lyr`) and, where the format has a frame for
   * them, `synced` as timed lyrics (ID3 `SYLT`).
   */
  readonly lyrics?: Lyrics;
}

/** One timed line of synced lyrics. */
export interface LyricsLine {
  /** From the start of the track, in milliseconds. */
  readonly timeMs: number;
  /** The words sung from `timeMs` on; empty for an instrumental break. */
  readonly text: string;
}

/** A track's lyrics as a lyrics provider found them. Plain JSON data (the core caches it). */
export interface Lyrics {
  /** The words as plain text, one line per sung line (`\n`); never empty. */
  readonly plain: string;
  /** Timed lines in time order, when the provider has them synced (LRC); absent for plain lyrics only. */
  readonly synced?: readonly LyricsLine[];
}

/**
 * A lyrics provider's answer: the lyrics, or `{ instrumental: true }` when the provider knows the track has no
 * words (an answer too: nothing is written and no other provider is asked). `null` is a miss.
 */
export type LyricsAnswer = { readonly instrumental: false; readonly lyrics: Lyrics } | { readonly instrumental: true };

/** A logger tagged with the plugin's name. Values that look like secrets are redacted before printing. */
export interface PluginLogger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

/**
 * HTTP for plugins: a `fetch` behind musicdl's shared rate limiting and backoff, and with
 * `MUSICDL_YOUTUBE_ORIGIN`-style redirection applied where the core configures it.
 */
export interface HttpClient {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

/** Per-call options. Honour `signal`: the user pressed Ctrl-C or the item was abandoned. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface DownloadOptions extends CallOptions {
  /**
   * The format the core converts the download to. A provider offering several streams takes the one that
   * converts best: AAC for `m4a` and Opus for `opus` (both copied untouched), the best quality otherwise.
   */
  readonly format?: AudioFormat;
}

export interface SearchOptions extends CallOptions {
  /** How many candidates the core would like from each search request at most. */
  readonly limit: number;
  /**
   * The core's judgement of the candidates found so far: true when one is a strong match. A provider with more
   * ways to search (another query, the next page) stops at the first true; one with a single query may ignore it.
   */
  readonly isSure?: (candidates: readonly AudioCandidate[]) => boolean;
}

/** What every plugin gets at load time. */
export interface PluginContext {
  /** Tagged `[name]`; redacts secrets. */
  readonly log: PluginLogger;
  /** Shared token bucket and backoff. */
  readonly http: HttpClient;
  /** The config's `plugins.<name>` value, unvalidated: check it with `ctx.v`. */
  readonly options: unknown;
  /** valibot, so a plugin validates its options without importing anything. */
  readonly v: typeof import("valibot");
  /** Folders of the plugin's own, created on first access. `cache` persists across runs; `temp` is emptied by the core. */
  readonly dirs: { readonly cache: string; readonly temp: string };
  /** Path of the ffmpeg executable the core uses, or null when none was found. */
  readonly ffmpegPath: string | null;
  /** musicdl's version, e.g. `0.1.0`. */
  readonly musicdlVersion: string;
}

/** Every kind of plugin. */
export type PluginKind = "source" | "provider" | "tagger" | "lyrics";

/** Fields shared by every kind. */
export interface PluginBase<K extends PluginKind> {
  readonly apiVersion: PluginApiVersion;
  readonly kind: K;
  /**
   * kebab-case, unique across loaded plugins (a clash is an error unless `overrides` names the other), and equal
   * to the plugin's file or folder name (`bandcamp.ts`, `bandcamp/index.ts`): the name picks `plugins.<name>`.
   */
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  /**
   * Set to a built-in's (or another plugin's) name to replace it deliberately: this plugin takes its place in load
   * order, and when the names differ, `audio_providers` entries naming the replaced plugin reach this one.
   */
  readonly overrides?: string;
  /** Called once before first use. */
  setup?(): Promise<void> | void;
  /** Called once at the end of a run, even after errors. */
  dispose?(): Promise<void> | void;
}

/** What a source recognised in user input. */
export interface SourceRef {
  /** `track`, `album`, `playlist`, `artist`, `saved`, or a kind of the plugin's own. */
  readonly kind: string;
  readonly id: string;
  /** The input as the user wrote it, for messages. */
  readonly input: string;
}

/** A resolved source: its tracks in the source's own order. */
export interface ResolvedSource {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  /** A version marker (Spotify's `snapshot_id`); unchanged marker → unchanged tracks. */
  readonly snapshotId?: string;
  readonly tracks: readonly TrackMeta[];
  /** Human-readable notes (skipped local files, withheld items…). */
  readonly warnings: readonly string[];
}

/**
 * Turns user input into tracks. Sources are asked in load order; **the first whose `match` returns non-null wins**.
 * `match` must be offline and fast.
 */
export interface SourcePlugin extends PluginBase<"source"> {
  match(input: string): SourceRef | null;
  resolve(ref: SourceRef, opts: CallOptions): Promise<ResolvedSource>;
}

/**
 * Finds and downloads recordings. Providers are tried in `download.audio_providers` order until one yields a
 * strong match; otherwise the best acceptable candidate across all of them is taken.
 */
export interface ProviderPlugin extends PluginBase<"provider"> {
  /** Raw candidates, best guess first; the core scores them. An empty list means "nothing found". */
  search(track: TrackMeta, opts: SearchOptions): Promise<AudioCandidate[]>;
  /** Downloads the candidate's best audio-only stream into `tempDir`. */
  download(candidate: AudioCandidate, tempDir: string, opts: DownloadOptions): Promise<DownloadedAudio>;
}

/** Writes tags into one file format. **Exactly one tagger per format** may be loaded. */
export interface TaggerPlugin extends PluginBase<"tagger"> {
  readonly formats: readonly AudioFormat[];
  /**
   * Replaces the file's tags with `tags`, in place. The core hands over a temp file, never the library file. A
   * tagger that writes a temp file of its own names it `<file>.<suffix>` (letters and digits, e.g. `.tagging`)
   * beside `file`: the next run removes such leftovers of a killed run, and nothing else.
   */
  write(file: string, tags: TagSet, opts: CallOptions): Promise<void>;
}

/**
 * Finds a track's lyrics. Lyrics providers are asked in `download.lyrics` order (`[lrclib]` by default) and **the
 * first answer wins**: lyrics, or "instrumental". A miss (`null`) is not an error: the next provider is asked, and
 * when none has them the track is written without lyrics and asked about again after a day. A throw is logged as
 * a warning and the track is still written (without lyrics, asked again next run); it never fails the track.
 * The core caches answers in its store (lyrics and instrumental for good, a miss for a day), so `lyrics` is called
 * at most once per track and run, and not again for a track that has its lyrics.
 */
export interface LyricsPlugin extends PluginBase<"lyrics"> {
  /** The track's lyrics, synced when the provider has them, else plain; null when it has none. */
  lyrics(track: TrackMeta, opts: CallOptions): Promise<LyricsAnswer | null>;
}

export type Plugin = SourcePlugin | ProviderPlugin | TaggerPlugin | LyricsPlugin;

/** A module's default export: a plugin object, or a factory that receives the context. */
export type PluginFactory = (ctx: PluginContext) => Plugin | Promise<Plugin>;
export type PluginModuleExport = Plugin | PluginFactory;
