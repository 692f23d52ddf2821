/** Spotify failures that know how to present themselves and which exit code they end a run with. */
import type { PluginFailure } from "musicdl/plugin";

/** The exit codes a plugin's error may carry (see PluginFailure in musicdl/plugin). */
export const EXIT = { SOME_FAILED: 1, USAGE: 2, RESUME_LATER: 3 } as const;

export interface SpotifyErrorOptions {
  /** One sentence saying what to do about it. */
  hint?: string;
  cause?: unknown;
}

/**
 * Every failure the Spotify source explains to the user: the core shows message and hint as one paragraph and
 * ends the run (or fails the source) by `exitCode`. Exit 1 by default: only the source in hand fails.
 */
export class SpotifyError extends Error implements PluginFailure {
  readonly exitCode: PluginFailure["exitCode"] = EXIT.SOME_FAILED;
  readonly hint: string | undefined;
  /** The `<link>: ` prefix withSource put before the message. */
  declare readonly sourceLabel?: string;
  constructor(message: string, options: SpotifyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** A setup or usage problem the user must fix (credentials, an unknown scope). Exit 2. */
export class SpotifyUsageError extends SpotifyError {
  override readonly exitCode = EXIT.USAGE;
}

/** Epoch ms → `2026-11-24 14:05` in local time, for "run it again after …" messages. */
export function formatClockTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface RateLimitDetails {
  /** Seconds Spotify asked for (Retry-After), or the backoff musicdl computed; undefined when unknown. */
  readonly retryAfterS?: number;
  /** Epoch ms after which a new run may succeed. */
  readonly resumeAtMs?: number;
  /** The 429 said `reason: QUOTA_EXCEEDED`: the app's quota is spent, a short wait will not help. */
  readonly quota: boolean;
  /** The longest wait musicdl was allowed to sit out (`spotify_max_wait`). */
  readonly maxWaitS?: number;
}

/** A 429 musicdl will not sit out. Exit 3: progress is saved, the next run resumes. */
export class SpotifyRateLimitError extends SpotifyError {
  override readonly exitCode = EXIT.RESUME_LATER;
  constructor(readonly details: RateLimitDetails) {
    super(describeRateLimit(details), {
      hint: `Progress is saved; run the same command again${details.resumeAtMs ? ` after ${formatClockTime(details.resumeAtMs)}` : " later"} and it resumes.`,
    });
  }
}

function describeRateLimit(details: RateLimitDetails): string {
  const wait = details.retryAfterS === undefined ? "" : ` and asked for a ${details.retryAfterS} s pause`;
  if (details.quota) return `Spotify says this app's request quota is used up (QUOTA_EXCEEDED)${wait}.`;
  const limit = details.maxWaitS === undefined ? "" : `, longer than spotify_max_wait (${details.maxWaitS} s)`;
  return `Spotify is rate-limiting this app${wait}${limit}.`;
}

/** Credentials rejected, token refresh refused, login needed. Exit 3: fix it and run again. */
export class SpotifyAuthError extends SpotifyError {
  override readonly exitCode = EXIT.RESUME_LATER;
}

/** The accounts service answered a token request with a refusal (wrong credentials, revoked login): asking again gets the same. */
export class SpotifyTokenRefusedError extends SpotifyAuthError {}

/** SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET missing: a setup problem, exit 2. */
export class SpotifyCredentialsMissingError extends SpotifyUsageError {
  constructor(missing: readonly string[]) {
    super(`Spotify credentials missing: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set.`, {
      hint:
        "Create an app at https://developer.spotify.com/dashboard, then set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET " +
        "(or client_id / client_secret in musicdl.yaml).",
    });
  }
}

/** Any other Web API refusal (4xx, 5xx after retries, malformed answer). Fails that source only (exit 1). */
export class SpotifyApiError extends SpotifyError {
  constructor(
    readonly status: number,
    /** Request path below the API root, e.g. `/playlists/abc/items`. */
    readonly path: string,
    message: string,
    options: SpotifyErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** 404: unknown id, or a Spotify-owned playlist a dev-mode app may not read. Fails that source only. */
export class SpotifyNotFoundError extends SpotifyApiError {}

/**
 * Re-labels an error with the source (open.spotify.com URL) it belongs to, keeping its class and exit code. The
 * label is remembered, so a caller that names the source itself can print the message without it (issue 15).
 */
export function withSource(error: unknown, sourceUrl: string): unknown {
  if (!(error instanceof SpotifyError) || error.message.includes(sourceUrl)) return error;
  // A refused login or an exhausted quota stops the run whichever source met it first: naming that one source
  // would send the user to check a link that is fine.
  if (error instanceof SpotifyAuthError || error instanceof SpotifyRateLimitError) return error;
  const labelled = Object.create(Object.getPrototypeOf(error)) as SpotifyError;
  Object.assign(labelled, error);
  Object.defineProperty(labelled, "message", {
    value: `${sourceUrl}: ${error.message}`,
    enumerable: false,
    writable: true,
  });
  Object.defineProperty(labelled, "stack", { value: error.stack, enumerable: false, writable: true });
  Object.defineProperty(labelled, "sourceLabel", { value: `${sourceUrl}: `, enumerable: false });
  return labelled;
}
