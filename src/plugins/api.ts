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
  /** A page a person can open (the track's page at its source); taggers write it as the source URL. */
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

/** A recording a user pinned (`musicdl match --pin`, `download.pins`), as its provider recognised it. */
export interface PinnedRecording {
  /** The provider's own id, as in {@link AudioCandidate.id}. */
  readonly id: string;
  /** A page a person can open: the link as the user wrote it, or the provider's own for a bare id. */
  readonly url: string;
  /** Opaque to the core; handed to `download` as the candidate's `data`. Must be JSON-serializable. */
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
 * HTTP for plugins: a `fetch` behind musicdl's shared rate limiting and backoff. It sends each request where the
 * plugin addresses it; a plugin that lets tests point it at a fake server (as the YouTube providers read an
 * environment variable for their origin) does the redirecting itself.
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

/**
 * A persistent key → JSON cache of the plugin's own, kept in musicdl's store (one table for every plugin, each key
 * under the plugin's name, so two plugins never see each other's rows). `musicdl cache clear` empties it.
 * Values are plain JSON; a key or value holding a registered secret is refused (never stored).
 */
export interface KeyedCache {
  /** The stored value, or undefined when absent or expired. */
  get(key: string): unknown | undefined;
  /**
   * Stores `value` for `ttlS` seconds; `null` = never expires (for answers that cannot change under their key, like
   * a track by id, or contents keyed by a version marker); 0 or less = not stored. Expiring rows count against
   * `download.cache_max_size` (least recently used go first); never-expiring ones go only with `cache clear`.
   */
  set(key: string, value: unknown, ttlS: number | null): void;
}

/**
 * The plugin's own request gate: a concurrency cap, a token bucket (its own budget, not the shared one of `http`)
 * and a pause that holds every request after the service asked for one (a 429's Retry-After). Send with `run`.
 */
export interface RateLimiter {
  /**
   * Runs `send` once it may go out; all callers share the limits. The slot is freed only when `send` settles, so
   * a pause set while judging a 429 inside `send` holds before the next queued request starts.
   */
  run<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly gate: {
    /** Holds every request until `untilMs` (epoch ms); a later pause extends it, an earlier one is ignored. */
    pauseUntil(untilMs: number): void;
    /** Fails every waiting and later request with `error` (a quota spent: nothing more will go through). */
    close(error: Error): void;
    isOpen(): boolean;
  };
}

export interface RateLimiterOptions {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Requests per window; omit for no budget (the pause and the concurrency cap still hold). */
  readonly requests?: { readonly perWindow: number; readonly windowMs: number };
}

/** Time as the core sees it: injected, so tests of a plugin's waits and expiries need no real clock. */
export interface PluginClock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Something a plugin tells the run while it works; the CLI shows it (progress line, `--json` events). */
export type PluginEvent = {
  /** Every request of the plugin is held until `untilMs` (epoch ms): the service asked for a pause. */
  readonly type: "wait";
  readonly reason: string;
  readonly untilMs: number;
};

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
  /**
   * Folders of the plugin's own, created on first access. `cache` persists across runs. `temp` belongs to this
   * process and is removed with everything in it once the plugins are disposed at the end of the command (a killed
   * process leaves it under the system temp folder).
   */
  readonly dirs: { readonly cache: string; readonly temp: string };
  /** Path of the ffmpeg executable the core uses, or null when none was found. */
  readonly ffmpegPath: string | null;
  /**
   * The config's `download.cookies`, an absolute path of a Netscape `cookies.txt` the user keeps for sites that
   * need a login; undefined when the config names none. Offered to every plugin: one that sends cookies takes
   * the cookies of its own sites from it when its own options name no file (the file is read as the user's
   * secret: never log its contents).
   */
  readonly cookiesFile?: string;
  /** musicdl's version, e.g. `0.1.0`. */
  readonly musicdlVersion: string;
  /** The plugin's persistent keyed cache (in-memory when the command opened no store, like `musicdl plugins`). */
  readonly cache: KeyedCache;
  /** Builds a request gate of the plugin's own, see {@link RateLimiter}; build one per service and reuse it. */
  rateLimiter(options: RateLimiterOptions): RateLimiter;
  /**
   * The delay before retry number `attempt` (0-based): "full jitter" exponential backoff, a random wait between
   * 0 and `min(capMs, baseMs × 2^attempt)`, so many clients retrying at once spread out.
   */
  backoffMs(attempt: number, options: { readonly baseMs: number; readonly capMs: number }): number;
  readonly clock: PluginClock;
  /**
   * The `download:` settings as musicdl read them (camelCase keys, defaults applied, credentials left out). A
   * built-in reads the keys documented for it (`spotifyMaxRetries`…); a third-party plugin should prefer `options`.
   */
  readonly settings: Readonly<Record<string, unknown>>;
  /**
   * The app credentials of the built-in source: `client_id`/`client_secret` from the config (the source lets its
   * own environment variables win). Empty for third-party plugins: they read theirs from their own options (a
   * secret-looking option key is redacted everywhere).
   */
  readonly credentials: { readonly clientId?: string; readonly clientSecret?: string };
  /**
   * Where the plugin keeps a user login (tokens from an OAuth flow), under musicdl's config folder: `auth.json` for
   * the built-in source (where earlier versions kept it), `auth-<name>.json` for any other. Write it `0600`.
   */
  readonly authFile: string;
  /** Tells the run something the user should see while the plugin works (a pause asked for by the service). */
  report(event: PluginEvent): void;
  /**
   * Marks `value` (a token, a login code) as a secret: from now on musicdl redacts it from every log line, error,
   * plan and cache entry. Secret-looking option keys are registered for you.
   */
  registerSecret(value: string): void;
  /** The core's ranking of a source's search answers for plain text ("Artist - Title"), for a source with `search`. */
  readonly text: TextRanking;
}

/**
 * An error written for the user. A plugin may throw any `Error` that carries an `exitCode` (and a `hint`): the core
 * shows its message and hint as one paragraph without a stack, and `exitCode` says what it stops. `1` fails the
 * item or source in hand (the rest of the run goes on); `2` is the user's to fix (a usage or config problem) and
 * `3` stops the run so that running it again later resumes (a rate limit, a refused login). A plain `Error` is
 * reported as the plugin's failure of that call.
 */
export interface PluginFailure extends Error {
  readonly exitCode: 1 | 2 | 3;
  /** One sentence saying what to do about it. */
  readonly hint?: string;
  /** The `<link>: ` prefix the plugin put before the message, so a caller that names the source can drop it. */
  readonly sourceLabel?: string;
}

/** One way of reading the user's text: `Artist - Title`, `Title by Artist`, or a bare title. */
export interface TextReading {
  /** The text as written, trimmed and with runs of spaces collapsed. */
  readonly text: string;
  readonly title: string;
  /** Absent for a bare title. */
  readonly artist?: string;
  readonly form: "artist-title" | "title-by-artist" | "title";
}

/** A search answer as the core scored it against a reading. */
export interface ScoredTrack {
  readonly track: TrackMeta;
  /** 0..1, 1 = title and artist exactly as written. */
  readonly score: number;
  /** Why it cannot be taken (another title, another artist, a version the user did not ask for), or undefined. */
  readonly rejectReason?: string;
}

/** The core's pick among a source's answers: one track, several that fit about equally well, or none. */
export type TextPick =
  | { readonly kind: "found"; readonly best: ScoredTrack }
  | { readonly kind: "ambiguous"; readonly candidates: readonly ScoredTrack[] }
  | { readonly kind: "none"; readonly nearest: readonly ScoredTrack[] };

/**
 * The text-search rules every source shares (docs/matching.md): a source reads the text with `read`, searches its
 * catalog for each reading in turn, and lets `pick` choose among the answers; it throws `ambiguous(…)` or
 * `notFound(…)` when the text names no one track. `label` names the source in those messages (`Spotify`).
 */
export interface TextRanking {
  /** The text trimmed with single spaces: what a source caches a choice by. */
  tidy(text: string): string;
  /** The readings of the text, most specific first. */
  read(text: string): readonly TextReading[];
  /** Best first (the source's order breaks ties); found only when no other recording scores about as well. */
  pick(reading: TextReading, tracks: readonly TrackMeta[]): TextPick;
  /** Exit 2: several recordings fit the text about equally well; the message lists them. */
  ambiguous(query: string, candidates: readonly ScoredTrack[], label: string): PluginFailure;
  /** Exit 2: nothing fits; the message says what was searched and the nearest answers. */
  notFound(query: string, searched: readonly string[], nearest: readonly ScoredTrack[], label: string): PluginFailure;
}

/** What a plugin's `check` found; `musicdl doctor` lists it beside its own findings. Plain JSON. */
export interface PluginCheck {
  /** Stable id for `doctor --json` readers (e.g. `youtube`); the plugin's name when absent. */
  readonly name?: string;
  /** `warn` is worth knowing but does not stop a download; only `fail` makes doctor exit 1. */
  readonly status: "ok" | "warn" | "fail";
  /** One line: what was found, e.g. which address was asked and how it answered. */
  readonly summary: string;
  /** What to do about it; absent when nothing needs doing. */
  readonly fix?: string;
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
  /**
   * Called by `musicdl doctor`, never by a download: is what this plugin needs in place (its service reachable,
   * its options usable)? Send at most a request or two with a short timeout and honour `opts.signal`; a throw is
   * listed as a failed check. Plugins without one are only checked for loading.
   */
  check?(opts: CallOptions): Promise<PluginCheck> | PluginCheck;
}

/** The config lists a source entry is written under. */
export type SourceList = "songs" | "albums" | "playlists" | "artists";

/** What a source recognised in user input. */
export interface SourceRef {
  /** `track`, `album`, `playlist`, `artist`, or a kind of the plugin's own (`saved`, `saved-albums`…). */
  readonly kind: string;
  /** The source's own id; empty for a kind that needs none (a keyword like `saved`). */
  readonly id: string;
  /** The input as the user wrote it, for messages. */
  readonly input: string;
  /**
   * For a kind of the plugin's own: the config list it is read from (`saved-albums` → `albums`). Track, album,
   * playlist and artist need none: their list follows the kind. A kind with neither is read from any list.
   */
  readonly list?: SourceList;
}

/** A resolved source: its tracks in the source's own order. */
export interface ResolvedSource {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  /**
   * The source's version marker (a playlist's revision id): unchanged marker → unchanged tracks. A source keeps
   * contents in its {@link KeyedCache} under the marker, never expiring, so an unchanged list is one small request.
   */
  readonly version?: string;
  readonly tracks: readonly TrackMeta[];
  /** Human-readable notes (skipped local files, withheld items…). */
  readonly warnings: readonly string[];
}

/** What a ref that stands for many sources (a library word like `saved-albums`) stood for this run. */
export interface SourceExpansion {
  /** Each resolved like a link the user listed; `url` is its link, `name` labels it (and fills `{playlist}`). */
  readonly children: readonly {
    readonly kind: "album" | "artist" | "playlist";
    readonly id: string;
    readonly url: string;
    readonly name?: string;
  }[];
  /** One summary line at most (children left out, and why). */
  readonly warnings: readonly string[];
}

/** The one track plain text ("Artist - Title") named, as a source's search found it. */
export interface TextMatch {
  /** The text as written (trimmed). */
  readonly query: string;
  /** The query the source sent that found it (the first one, when the choice was remembered). */
  readonly searched: string;
  /** 0..1, see docs/matching.md. */
  readonly score: number;
  readonly track: TrackMeta;
  /** True when the choice came from the plugin's cache and nothing was sent. */
  readonly remembered: boolean;
}

/** How a source's links look, for messages about input that no source recognised. */
export interface SourceLinks {
  /** How messages name the links: `Spotify` ("… is not a Spotify link"). */
  readonly label: string;
  /** Example shapes of a `track`, `album`, `playlist` or `artist` link. */
  example(kind: string): string;
}

/** What `musicdl auth login` hands a source that logs users in. */
export interface LoginOptions {
  /** `--client-id`; the source falls back to its credentials. */
  readonly clientId?: string;
  /** `--port`: the loopback port of the redirect; undefined = the source's default. */
  readonly port?: number;
  /** `--scope`, comma separated, as typed. */
  readonly scope?: string;
  /** The config's source entries (links and keywords), so the login asks for the permissions they need. */
  readonly sourceInputs: readonly string[];
  /** Show the user the URL to open. */
  onAuthorizeUrl(url: string, redirectUri: string): void;
}

/** A source with user logins (`musicdl auth`). Messages name the service; errors are the plugin's. */
export interface SourceAuth {
  /** Runs the login and stores it in `ctx.authFile`; resolves with a line saying where it went. */
  login(options: LoginOptions): Promise<string>;
  /** Forgets the stored login; the line to print. */
  logout(): string;
}

/**
 * Turns user input into tracks. Sources are asked in load order; **the first whose `match` returns non-null wins**.
 * `match` must be offline and fast.
 */
export interface SourcePlugin extends PluginBase<"source"> {
  match(input: string): SourceRef | null;
  resolve(ref: SourceRef, opts: CallOptions): Promise<ResolvedSource>;
  /**
   * Why `input`, meant for this source, cannot be read (from `list` when given): a malformed link, a podcast
   * link, a keyword under the wrong list. Null when it can, or when it is not this source's. Offline; every
   * source is asked before any `match`, and the first reason is shown at the config line.
   */
  refuse?(input: string, list?: SourceList): string | null;
  /** Link shapes for messages; the first source that has them speaks for all. */
  readonly links?: SourceLinks;
  /**
   * For a ref that stands for many sources (a library word): what it stands for this run. Null for an ordinary
   * ref, which is then resolved. Called once per run, before anything is resolved.
   */
  expand?(ref: SourceRef, opts: CallOptions): Promise<SourceExpansion | null>;
  /**
   * Plain text under `songs:` ("Artist - Title"): the one track it names, picked among the source's search answers
   * by `ctx.text` (throwing its `ambiguous` or `notFound` refusal). The first source with `search` is asked.
   */
  search?(text: string, opts: CallOptions): Promise<TextMatch>;
  /** User logins, for `musicdl auth login|logout`; the first source with `auth` is the one logged in to. */
  readonly auth?: SourceAuth;
  /** Counters of the run (requests, retries, cache hits…), shown by `--json` and `--debug` under the plugin's name. */
  stats?(): Readonly<Record<string, number>>;
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
  /**
   * Recognises one of this provider's own recordings as a user pins it: a link to it, or a bare id the provider
   * can tell from other text. Offline and fast; null when `text` is not its own. Providers are asked in
   * `download.audio_providers` order and the first to recognise the text takes the pin; `<name>:<id>` reaches
   * the named provider (its `pin` is then asked with the id, for the link and `data`). Without `pin`, a provider
   * is pinned only as `<name>:<id>`.
   */
  pin?(text: string): PinnedRecording | null;
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
