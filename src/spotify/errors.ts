/** Spotify failures that know how to present themselves and which exit code they end a run with. */
import { EXIT, MusicdlError, SOURCE_LABEL, UsageError, type MusicdlErrorOptions } from "../errors.ts";
import type { TrackMeta } from "../plugins/api.ts";
import type { ScoredTrack } from "./text-match.ts";

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
export class SpotifyRateLimitError extends MusicdlError {
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
export class SpotifyAuthError extends MusicdlError {
  override readonly exitCode = EXIT.RESUME_LATER;
}

/** The accounts service answered a token request with a refusal (wrong credentials, revoked login): asking again gets the same. */
export class SpotifyTokenRefusedError extends SpotifyAuthError {}

/** SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET missing: a setup problem, exit 2. */
export class SpotifyCredentialsMissingError extends UsageError {
  constructor(missing: readonly string[]) {
    super(`Spotify credentials missing: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set.`, {
      hint:
        "Create an app at https://developer.spotify.com/dashboard, then set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET " +
        "(or client_id / client_secret in musicdl.yaml).",
    });
  }
}

/** Any other Web API refusal (4xx, 5xx after retries, malformed answer). Fails that source only (exit 1). */
export class SpotifyApiError extends MusicdlError {
  constructor(
    readonly status: number,
    /** Request path below the API root, e.g. `/playlists/abc/items`. */
    readonly path: string,
    message: string,
    options: MusicdlErrorOptions = {},
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
  if (!(error instanceof MusicdlError) || error.message.includes(sourceUrl)) return error;
  // A refused login or an exhausted quota stops the run whichever source met it first: naming that one source
  // would send the user to check a link that is fine.
  if (error instanceof SpotifyAuthError || error instanceof SpotifyRateLimitError) return error;
  const labelled = Object.create(Object.getPrototypeOf(error)) as MusicdlError;
  Object.assign(labelled, error);
  Object.defineProperty(labelled, "message", {
    value: `${sourceUrl}: ${error.message}`,
    enumerable: false,
    writable: true,
  });
  Object.defineProperty(labelled, "stack", { value: error.stack, enumerable: false, writable: true });
  Object.defineProperty(labelled, SOURCE_LABEL, { value: `${sourceUrl}: `, enumerable: false });
  return labelled;
}

/** `Hello — Adele, "25" (2015), https://open.spotify.com/track/…`: enough to tell recordings apart and pick one. */
export function describeTrackChoice(track: TrackMeta): string {
  const year = track.album.releaseDate.slice(0, 4);
  return `${track.title} — ${track.artists.join(", ")}, "${track.album.name}"${year ? ` (${year})` : ""}, ${track.url ?? ""}`;
}

const PASTE_THE_LINK =
  "Paste the Spotify link of the track you mean instead of the text (in the config or on the command line).";

/** Plain text that more than one recording fits about equally well. Exit 2: the user must say which. */
export class TextQueryAmbiguousError extends UsageError {
  constructor(
    readonly query: string,
    readonly candidates: readonly ScoredTrack[],
  ) {
    const listed = candidates
      .slice(0, 5)
      .map((entry, index) => `${index + 1}. ${describeTrackChoice(entry.track)} [score ${entry.score.toFixed(2)}]`);
    super(`"${query}" fits more than one Spotify recording about equally well: ${listed.join("; ")}.`, {
      hint: PASTE_THE_LINK,
    });
  }
}

/** Plain text no search answer fits. Exit 2, naming what was searched and the nearest answers with why not. */
export class TextQueryNotFoundError extends UsageError {
  constructor(
    readonly query: string,
    readonly searched: readonly string[],
    nearest: readonly ScoredTrack[],
  ) {
    const near = nearest
      .slice(0, 3)
      .map((entry) => `${describeTrackChoice(entry.track)} (${entry.rejectReason ?? "not close enough"})`);
    super(
      `"${query}": no Spotify track fits (searched ${searched.map((q) => `q=${q}`).join(", then ")})` +
        (near.length > 0 ? `; nearest answers: ${near.join("; ")}.` : "; Spotify answered nothing."),
      {
        hint: `Check the spelling and write it as "Artist - Title", or ${PASTE_THE_LINK.charAt(0).toLowerCase()}${PASTE_THE_LINK.slice(1)}`,
      },
    );
  }
}
