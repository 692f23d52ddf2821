/**
 * `musicdl auth login`: Authorization Code with PKCE over a loopback redirect. Spotify dropped the implicit grant
 * and, since Nov 2025, accepts plain-HTTP redirects only to loopback IP literals, so the redirect is
 * `http://127.0.0.1:PORT/callback`, never `localhost`.
 */
import { createHash, randomBytes } from "node:crypto";
import { type StoredAuth, writeAuthFile } from "./auth-file.ts";
import { SpotifyAuthError } from "./errors.ts";
import { DEFAULT_SCOPES } from "./scopes.ts";
import { postTokenForm } from "./tokens.ts";

export const DEFAULT_LOGIN_PORT = 8888;

export interface LoginOptions {
  readonly clientId: string;
  readonly accountsUrl: string;
  readonly authFile: string;
  /** Read-only scopes to ask for (see scopes.ts); default: liked songs and the user's playlists. */
  readonly scopes?: readonly string[];
  /** Loopback port for the redirect; must match the app's registered redirect URI. 0 picks a free one. */
  readonly port?: number;
  /** Called with the URL the user must open in a browser. */
  readonly onAuthorizeUrl: (url: string, redirectUri: string) => void;
  readonly signal?: AbortSignal;
  /** Give up after this long without a callback. */
  readonly timeoutMs?: number;
  /** `ctx.registerSecret`: the verifier, the code and the tokens are redacted wherever they would appear. */
  registerSecret(value: string): void;
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(64));
  return { verifier, challenge: base64url(createHash("sha256").update(verifier).digest()) };
}

/** Runs the whole login and stores the refresh token. Resolves with what was stored. */
export async function loginWithPkce(options: LoginOptions): Promise<StoredAuth> {
  const { verifier, challenge } = createPkcePair();
  const state = base64url(randomBytes(16));
  const { registerSecret } = options;
  registerSecret(verifier);
  let settle!: { resolve: (code: string) => void; reject: (error: unknown) => void };
  const codeArrived = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: options.port ?? DEFAULT_LOGIN_PORT,
    fetch(request) {
      const url = new URL(request.url);
      if (url.pathname !== "/callback") return new Response("Not found", { status: 404 });
      const error = url.searchParams.get("error");
      const code = url.searchParams.get("code");
      if (url.searchParams.get("state") !== state)
        return page(400, "This login link is stale; run `musicdl auth login` again.");
      if (error || !code) {
        settle.reject(
          new SpotifyAuthError(`Spotify login was not completed (${error ?? "no code"}).`, {
            hint: "Run `musicdl auth login` again.",
          }),
        );
        return page(400, "Login was cancelled. You can close this tab.");
      }
      registerSecret(code);
      settle.resolve(code);
      return page(200, "musicdl is logged in to Spotify. You can close this tab.");
    },
  });
  const redirectUri = `http://127.0.0.1:${server.port}/callback`;
  const authorize = new URL(`${options.accountsUrl}/authorize`);
  for (const [key, value] of Object.entries({
    client_id: options.clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    code_challenge_method: "S256",
    code_challenge: challenge,
    state,
    scope: (options.scopes ?? DEFAULT_SCOPES).join(" "),
  })) {
    authorize.searchParams.set(key, value);
  }
  const timer = setTimeout(
    () =>
      settle.reject(
        new SpotifyAuthError("Timed out waiting for the Spotify login in the browser.", {
          hint: "Run `musicdl auth login` again.",
        }),
      ),
    options.timeoutMs ?? 5 * 60_000,
  );
  const onAbort = () => settle.reject(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    options.onAuthorizeUrl(authorize.href, redirectUri);
    const code = await codeArrived;
    const answer = await postTokenForm(
      options.accountsUrl,
      {
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        client_id: options.clientId,
        code_verifier: verifier,
      },
      {},
      registerSecret,
    );
    if (!answer.refresh_token)
      throw new SpotifyAuthError("Spotify's login answer had no refresh token.", {
        hint: "Run `musicdl auth login` again.",
      });
    const auth: StoredAuth = {
      clientId: options.clientId,
      refreshToken: answer.refresh_token,
      // Spotify says what it granted; an answer without it granted what was asked.
      scope: answer.scope ?? (options.scopes ?? DEFAULT_SCOPES).join(" "),
      savedAt: new Date().toISOString(),
    };
    writeAuthFile(options.authFile, auth);
    return auth;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    server.stop(true);
  }
}

function page(status: number, text: string): Response {
  return new Response(`<!doctype html><title>musicdl</title><p>${text}</p>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}
