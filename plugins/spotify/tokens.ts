/**
 * Access tokens: client credentials (app only) or a stored user login (refresh token, PKCE, no secret).
 * A token is reused until shortly before it expires; concurrent callers share one token request.
 */
import { ofetch } from "ofetch";
import * as v from "valibot";
import type { PluginClock as Clock } from "musicdl/plugin";
import { type StoredAuth, writeAuthFile } from "./auth-file.ts";
import { SpotifyAuthError, SpotifyTokenRefusedError } from "./errors.ts";
import { TokenErrorSchema, TokenResponseSchema } from "./schemas.ts";

export interface TokenProvider {
  /** `user` tokens reach /me endpoints and the user's own playlists. */
  readonly kind: "app" | "user";
  get(signal?: AbortSignal): Promise<string>;
  /** Drops `token` after a 401 so the next `get` fetches a fresh one (a newer token is kept). */
  invalidate(token: string): void;
  /** Token requests sent so far. */
  requests(): number;
  /** Scopes the stored login was granted; undefined for app tokens and for logins that did not record them. */
  readonly scopes?: readonly string[];
  /** The Spotify user id kept with the login (user tokens), learned from the first `GET /me`. */
  userId?(): string | undefined;
  /** Keeps the user id in the auth file, so later runs need no `GET /me`; a new login starts without one. */
  rememberUserId?(id: string): void;
}

/** Renew this long before Spotify's stated expiry, so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;

type TokenForm = Record<string, string>;

function createCachingProvider(
  kind: "app" | "user",
  clock: Clock,
  requestToken: () => Promise<{ token: string; expiresInS: number }>,
): TokenProvider {
  let current: { token: string; expiresAtMs: number } | undefined;
  let pending: Promise<string> | undefined;
  // A refusal is kept: every source of the run would otherwise ask again for the same answer.
  let refused: SpotifyTokenRefusedError | undefined;
  let count = 0;
  return {
    kind,
    requests: () => count,
    get(signal) {
      signal?.throwIfAborted();
      if (refused) return Promise.reject(refused);
      if (current && clock.now() < current.expiresAtMs) return Promise.resolve(current.token);
      // Shared by every caller, so it runs without any one caller's signal; each caller may still stop waiting.
      pending ??= (async () => {
        try {
          count++;
          const { token, expiresInS } = await requestToken();
          current = { token, expiresAtMs: clock.now() + Math.max(0, expiresInS * 1000 - EXPIRY_MARGIN_MS) };
          return token;
        } catch (error) {
          if (error instanceof SpotifyTokenRefusedError) refused = error;
          throw error;
        } finally {
          pending = undefined;
        }
      })();
      return signal ? untilAborted(pending, signal) : pending;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
  };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Tries of a token request answered 429 or 5xx; each waits its Retry-After, else half a second more each time. */
const TOKEN_ATTEMPTS = 3;
/** A longer Retry-After on a token request is not sat out: the run stops and says when to run again. */
const TOKEN_MAX_WAIT_S = 30;

/**
 * POSTs a form to the accounts service and returns the parsed token answer (secrets registered for redaction).
 * A busy accounts service (429, 5xx) is asked again, as the Web API is; its refusal (4xx) is final.
 */
export async function postTokenForm(
  accountsUrl: string,
  form: TokenForm,
  headers: Record<string, string>,
  registerSecret: (value: string) => void,
  signal?: AbortSignal,
) {
  for (let attempt = 1; ; attempt++) {
    const answer = await postTokenFormOnce(accountsUrl, form, headers, registerSecret, signal);
    if (!("busy" in answer)) return answer;
    const { status, retryAfterS } = answer.busy;
    const waitS = retryAfterS ?? attempt / 2;
    if (attempt >= TOKEN_ATTEMPTS || waitS > TOKEN_MAX_WAIT_S) {
      const asked = retryAfterS === undefined ? "" : ` and asked for a ${retryAfterS} s pause`;
      throw new SpotifyAuthError(`Spotify's accounts service did not hand out a token (HTTP ${status})${asked}.`, {
        hint: "This is on Spotify's side, not your credentials: run the same command again in a few minutes; finished items are kept.",
      });
    }
    await Bun.sleep(waitS * 1000);
    signal?.throwIfAborted();
  }
}

async function postTokenFormOnce(
  accountsUrl: string,
  form: TokenForm,
  headers: Record<string, string>,
  registerSecret: (value: string) => void,
  signal?: AbortSignal,
) {
  let response: Awaited<ReturnType<typeof ofetch.raw>>;
  try {
    response = await ofetch.raw(`${accountsUrl}/api/token`, {
      method: "POST",
      body: new URLSearchParams(form).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      retry: 0,
      ignoreResponseError: true,
      signal,
    });
  } catch {
    if (signal?.aborted) throw signal.reason;
    // Never describe the FetchError itself: its options carry the Authorization header.
    throw new SpotifyAuthError(`could not reach Spotify's accounts service at ${accountsUrl}`, {
      hint: "Check the network connection and run again.",
    });
  }
  const parsed = v.safeParse(TokenResponseSchema, response._data);
  if (response.ok && parsed.success) {
    registerSecret(parsed.output.access_token);
    if (parsed.output.refresh_token) registerSecret(parsed.output.refresh_token);
    return parsed.output;
  }
  if (response.status === 429 || response.status >= 500) {
    const header = Number(response.headers.get("retry-after"));
    const retryAfterS =
      response.headers.has("retry-after") && Number.isFinite(header) && header >= 0 ? header : undefined;
    return { busy: { status: response.status, retryAfterS } };
  }
  const oauthError = v.safeParse(TokenErrorSchema, response._data);
  const reason = oauthError.success
    ? `${oauthError.output.error}: ${oauthError.output.error_description ?? ""}`.trim()
    : `HTTP ${response.status}`;
  // The credentials or the login were refused (a 4xx; 429 and 5xx were handled above): asking again changes nothing.
  const Refusal = response.status >= 400 ? SpotifyTokenRefusedError : SpotifyAuthError;
  throw new Refusal(`Spotify refused the token request (${reason}).`, {
    hint:
      form.grant_type === "refresh_token"
        ? "Your Spotify login expired or was revoked: run `musicdl auth login` again (or `musicdl auth logout` to use the app credentials)."
        : "Check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET against your app at https://developer.spotify.com/dashboard.",
  });
}

export function createClientCredentialsProvider(options: {
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  clock: Clock;
  /** `ctx.registerSecret`: the secret, the tokens and the Basic header are redacted wherever they would appear. */
  registerSecret(value: string): void;
}): TokenProvider {
  const { registerSecret } = options;
  registerSecret(options.clientSecret);
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64");
  registerSecret(basic);
  return createCachingProvider("app", options.clock, async () => {
    const answer = await postTokenForm(
      options.accountsUrl,
      { grant_type: "client_credentials" },
      { authorization: `Basic ${basic}` },
      registerSecret,
    );
    return { token: answer.access_token, expiresInS: answer.expires_in };
  });
}

/** Refreshes the stored login; a rotated refresh token is written back to the auth file at once. */
export function createUserTokenProvider(options: {
  accountsUrl: string;
  auth: StoredAuth;
  authFile: string;
  clock: Clock;
  registerSecret(value: string): void;
}): TokenProvider {
  const { registerSecret } = options;
  let auth = options.auth;
  registerSecret(auth.refreshToken);
  const provider = createCachingProvider("user", options.clock, async () => {
    const answer = await postTokenForm(
      options.accountsUrl,
      { grant_type: "refresh_token", refresh_token: auth.refreshToken, client_id: auth.clientId },
      {},
      registerSecret,
    );
    if (answer.refresh_token && answer.refresh_token !== auth.refreshToken) {
      auth = { ...auth, refreshToken: answer.refresh_token, savedAt: new Date(options.clock.now()).toISOString() };
      writeAuthFile(options.authFile, auth);
    }
    return { token: answer.access_token, expiresInS: answer.expires_in };
  });
  return {
    ...provider,
    ...(auth.scope === undefined ? {} : { scopes: auth.scope.split(/\s+/).filter(Boolean) }),
    userId: () => auth.userId,
    rememberUserId(id) {
      if (auth.userId === id) return;
      auth = { ...auth, userId: id };
      writeAuthFile(options.authFile, auth);
    },
  };
}
