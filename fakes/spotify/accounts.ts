/**
 * The fake accounts service: `POST /api/token` (client credentials with Basic auth, authorization_code with a PKCE
 * verifier check, refresh_token) and `GET /authorize`, which approves at once and redirects like a browser would.
 * Error bodies are OAuth-shaped (token-error-invalid-client.json), not the Web API shape.
 */
import { createHash, randomBytes } from "node:crypto";

export interface IssuedToken {
  readonly kind: "app" | "user";
  readonly expiresAtMs: number;
  /** Scopes granted with a user token (what the login asked for). */
  readonly scopes?: readonly string[];
}

export interface AccountsState {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokens: Map<string, IssuedToken>;
  readonly codes: Map<string, { challenge: string; redirectUri: string; clientId: string; scope: string }>;
  readonly refreshTokens: Set<string>;
  /** The scope string each refresh token was granted. */
  readonly refreshScopes: Map<string, string>;
  /** Every token, code and refresh token handed out, for the "no secret leaks" test. */
  readonly issued: string[];
  now(): number;
  tokenLifetimeS(): number;
  rotateRefreshTokens(): boolean;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });
const oauthError = (error: string, description: string) => json({ error, error_description: description }, 400);
const secret = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;

export async function handleAccounts(request: Request, url: URL, state: AccountsState): Promise<Response> {
  if (url.pathname === "/authorize" && request.method === "GET") return authorize(url, state);
  if (url.pathname !== "/api/token" || request.method !== "POST") return json({ error: "not_found" }, 404);
  const form = new URLSearchParams(await request.text());
  const grant = form.get("grant_type");
  if (grant === "client_credentials") {
    const expected = `Basic ${Buffer.from(`${state.clientId}:${state.clientSecret}`).toString("base64")}`;
    if (request.headers.get("authorization") !== expected) return oauthError("invalid_client", "Invalid client");
    return issueAccess(state, "app");
  }
  if (grant === "authorization_code") {
    const code = state.codes.get(form.get("code") ?? "");
    if (!code) return oauthError("invalid_grant", "Invalid authorization code");
    state.codes.delete(form.get("code") ?? "");
    if (code.redirectUri !== form.get("redirect_uri")) return oauthError("invalid_grant", "Invalid redirect URI");
    if (code.clientId !== form.get("client_id")) return oauthError("invalid_client", "Invalid client");
    const challenge = createHash("sha256")
      .update(form.get("code_verifier") ?? "")
      .digest("base64url");
    if (challenge !== code.challenge) return oauthError("invalid_grant", "code_verifier was incorrect");
    const refreshToken = secret("AQ_fake_refresh_");
    state.refreshTokens.add(refreshToken);
    state.refreshScopes.set(refreshToken, code.scope);
    state.issued.push(refreshToken);
    // Like Spotify, grant what the authorize step asked for and say so.
    return issueAccess(state, "user", { refresh_token: refreshToken, scope: code.scope });
  }
  if (grant === "refresh_token") {
    const refreshToken = form.get("refresh_token") ?? "";
    if (!state.refreshTokens.has(refreshToken) || form.get("client_id") !== state.clientId)
      return oauthError("invalid_grant", "Refresh token revoked");
    const scope = state.refreshScopes.get(refreshToken) ?? "";
    if (!state.rotateRefreshTokens()) return issueAccess(state, "user", { scope });
    state.refreshTokens.delete(refreshToken);
    const rotated = secret("AQ_fake_refresh_");
    state.refreshTokens.add(rotated);
    state.refreshScopes.set(rotated, scope);
    state.issued.push(rotated);
    return issueAccess(state, "user", { refresh_token: rotated, scope });
  }
  return oauthError("unsupported_grant_type", `grant_type ${grant ?? "(none)"} is not supported`);
}

function issueAccess(state: AccountsState, kind: "app" | "user", extra: Record<string, string> = {}): Response {
  const token = secret("BQ_fake_access_");
  const scopes = extra.scope?.split(" ").filter(Boolean);
  state.tokens.set(token, {
    kind,
    expiresAtMs: state.now() + state.tokenLifetimeS() * 1000,
    ...(scopes?.length ? { scopes } : {}),
  });
  state.issued.push(token);
  return json({ access_token: token, token_type: "Bearer", expires_in: state.tokenLifetimeS(), ...extra });
}

/** Spotify accepts plain-HTTP redirects only to loopback IP literals; `localhost` is rejected (since 2025). */
function authorize(url: URL, state: AccountsState): Response {
  const params = url.searchParams;
  if (params.get("client_id") !== state.clientId)
    return new Response("INVALID_CLIENT: Invalid client", { status: 400 });
  let redirect: URL;
  try {
    redirect = new URL(params.get("redirect_uri") ?? "");
  } catch {
    return new Response("INVALID_CLIENT: Invalid redirect URI", { status: 400 });
  }
  const loopback = redirect.hostname === "127.0.0.1" || redirect.hostname === "[::1]";
  if (redirect.protocol === "http:" && !loopback)
    return new Response("INVALID_CLIENT: Insecure redirect URI", { status: 400 });
  if (
    params.get("response_type") !== "code" ||
    params.get("code_challenge_method") !== "S256" ||
    !params.get("code_challenge")
  ) {
    return new Response("INVALID_REQUEST: PKCE required", { status: 400 });
  }
  const code = secret("fake_code_");
  state.codes.set(code, {
    challenge: params.get("code_challenge") ?? "",
    redirectUri: redirect.href,
    clientId: state.clientId,
    scope: params.get("scope") ?? "",
  });
  state.issued.push(code);
  redirect.searchParams.set("code", code);
  redirect.searchParams.set("state", params.get("state") ?? "");
  return new Response(null, { status: 302, headers: { location: redirect.href } });
}
