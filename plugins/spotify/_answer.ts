/** Pure helpers of the transport: reading Web API answers, errors by status, Retry-After, `next` links. */
import * as v from "valibot";
import { SpotifyApiError, SpotifyAuthError, SpotifyNotFoundError } from "./errors.ts";

export function errorFor(status: number, path: string, message: string): Error {
  const said = message ? ` ("${message}")` : "";
  if (status === 404) {
    return new SpotifyNotFoundError(status, path, `Spotify has no such item (HTTP 404${said} for GET ${path}).`, {
      hint: "Check the link. Spotify-owned editorial and algorithmic playlists are not available to dev-mode apps.",
    });
  }
  if (status === 401) {
    return new SpotifyAuthError(`Spotify rejected the access token twice (HTTP 401${said}).`, {
      hint: "Run `musicdl auth login` again, or check the app credentials.",
    });
  }
  if (status === 403 && /not registered/i.test(message)) {
    return new SpotifyAuthError(`Spotify refused access: the user is not on this app's allow-list${said}.`, {
      hint: "Add your Spotify account under User Management in the app's page at https://developer.spotify.com/dashboard.",
    });
  }
  if (status === 403 && /scope/i.test(message)) {
    return new SpotifyAuthError(`Spotify refused GET ${path}: your login lacks a permission it needs${said}.`, {
      hint: "Run `musicdl auth login` again with your config (it asks for what the config's sources need), then run again.",
    });
  }
  return new SpotifyApiError(status, path, `Spotify refused GET ${path} (HTTP ${status}${said}).`);
}

export function parseBody<T extends v.GenericSchema>(schema: T, data: unknown, path: string): v.InferOutput<T> {
  const parsed = v.safeParse(schema, data);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const where = issue.path?.map((segment) => String(segment.key)).join(".") ?? "";
  throw new SpotifyApiError(
    200,
    path,
    `Spotify's answer to GET ${path} has an unexpected shape (${where || "body"}: ${issue.message}).`,
  );
}

/** `https://api.spotify.com/v1/albums/x/tracks?offset=50` → `/albums/x/tracks?offset=50`; paths pass through. */
export function relativePath(pathOrUrl: string): string {
  if (pathOrUrl.startsWith("/")) return pathOrUrl;
  const url = new URL(pathOrUrl);
  const at = url.pathname.indexOf("/v1/");
  return `${at >= 0 ? url.pathname.slice(at + 3) : url.pathname}${url.search}`;
}

/** Retry-After is seconds for Spotify; RFC 9110 also allows an HTTP date. */
export function parseRetryAfterS(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export function withTimeout(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal | undefined {
  if (!timeoutMs) return signal;
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

export function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out";
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause ? String(cause.code) : "";
  return code ? `connection failed: ${code}` : "connection failed";
}
