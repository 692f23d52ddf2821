import { describe, expect, test } from "bun:test";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { EXIT } from "../../src/errors.ts";
import { createSpotifyClient } from "../../plugins/spotify/client.ts";
import { readAuthFile } from "../../plugins/spotify/auth-file.ts";
import { loginWithPkce } from "../../plugins/spotify/login.ts";
import { runCli } from "../helpers/run-cli.ts";
import { SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable, loginAgainstFake, spotifyCore, testSettings } from "../helpers/spotify.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { registerSecret } from "../../src/util/redact.ts";

describe("auth login (PKCE)", () => {
  test("stores a refresh token in a 0600 file, and the user token then reads saved tracks", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify());
    const authFile = join(dir.path, "musicdl", "auth.json");
    await loginAgainstFake(fake, authFile);
    expect(statSync(authFile).mode & 0o777).toBe(0o600);
    expect(readAuthFile(authFile)?.clientId).toBe(fake.clientId);
    const client = clientFor(fake, { authFile, settings: { clientSecret: undefined } });
    expect(client.tokenKind()).toBe("user");
    const saved = await client.resolve({ kind: "saved", id: "" });
    expect(saved.tracks.map((t) => t.id)).toEqual([SMALL.trackIds.tideTables, SMALL.trackIds.undertow]);
    expect(fake.requests.filter((r) => r.path === "/api/token").map((r) => r.status)).toEqual([200, 200]);
  });

  test("the redirect goes to 127.0.0.1, and the fake (like Spotify) rejects localhost", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify());
    let redirect = "";
    await loginWithPkce({
      registerSecret,
      clientId: fake.clientId,
      accountsUrl: fake.accountsUrl,
      authFile: join(dir.path, "auth.json"),
      port: 0,
      onAuthorizeUrl: (url, redirectUri) => {
        redirect = redirectUri;
        void fetch(url);
      },
    });
    expect(redirect).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const localhost = new URL(`${fake.accountsUrl}/authorize`);
    for (const [k, val] of Object.entries({
      client_id: fake.clientId,
      response_type: "code",
      redirect_uri: "http://localhost:8888/callback",
      code_challenge_method: "S256",
      code_challenge: "x",
    }))
      localhost.searchParams.set(k, val);
    const answer = await fetch(localhost, { redirect: "manual" });
    expect(answer.status).toBe(400);
  });

  test("with a user login, owned playlists resolve under the 2026 rule and foreign ones explain themselves", async () => {
    using dir = createTempDir();
    await using fake = disposable(
      startFakeSpotify({ switches: { apiShape: "2026", playlistOwnership: "owned-only" } }),
    );
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile);
    const client = clientFor(fake, { authFile });
    expect((await client.resolve({ kind: "playlist", id: SMALL.playlistId })).tracks).toHaveLength(3);
    const error = await client.resolve({ kind: "playlist", id: SMALL.foreignPlaylistId }).catch((e) => e);
    expect(error.message).toContain("does not own or collaborate");
    expect(error.hint).toContain("Save a copy");
  });

  test("a rotated refresh token is written back to the auth file", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify({ switches: { rotateRefreshTokens: true } }));
    const authFile = join(dir.path, "auth.json");
    const first = await loginAgainstFake(fake, authFile);
    await clientFor(fake, { authFile }).resolve({ kind: "track", id: SMALL.trackIds.lanterns });
    const stored = readAuthFile(authFile);
    expect(stored?.refreshToken).not.toBe(first.refreshToken);
    expect(statSync(authFile).mode & 0o777).toBe(0o600);
    // The new token works for the next run.
    await clientFor(fake, { authFile }).resolve({ kind: "track", id: SMALL.trackIds.undertow });
  });
});

describe("app credentials", () => {
  test("a missing client secret is named, with where to get one", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = createSpotifyClient({
      ...spotifyCore(),
      settings: testSettings({ clientId: "abc" }),
      apiUrl: fake.apiUrl,
      accountsUrl: fake.accountsUrl,
      authFile: "/nonexistent/auth.json",
    });
    const error = await client.resolve({ kind: "track", id: SMALL.trackIds.lanterns }).catch((e) => e);
    expect(error.exitCode).toBe(EXIT.USAGE);
    expect(error.message).toContain("SPOTIFY_CLIENT_SECRET");
    expect(error.message).not.toContain("SPOTIFY_CLIENT_ID ");
    expect(error.hint).toContain("developer.spotify.com/dashboard");
  });

  test("a wrong client secret stops with exit 3 and says Spotify refused it", async () => {
    await using fake = disposable(startFakeSpotify());
    const client = clientFor(fake, { settings: { clientSecret: "wrong-secret-123456" } });
    const error = await client.resolve({ kind: "track", id: SMALL.trackIds.lanterns }).catch((e) => e);
    expect(error.exitCode).toBe(EXIT.RESUME_LATER);
    expect(error.message).toContain("invalid_client");
    expect(error.message).not.toContain("wrong-secret-123456");
  });
});

describe("musicdl auth (CLI)", () => {
  test("login prints the URL, stores the login; logout removes it", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify());
    const env = {
      XDG_CONFIG_HOME: dir.path,
      SPOTIFY_CLIENT_ID: fake.clientId,
      MUSICDL_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
      NO_COLOR: "1",
    };
    const proc = Bun.spawn(
      [process.execPath, join(import.meta.dir, "../../src/main.ts"), "auth", "login", "--port", "0"],
      {
        env: { ...process.env, ...env },
        stdout: "pipe",
        stderr: "pipe",
      },
    );
    let printed = "";
    const decoder = new TextDecoder();
    const reader = proc.stdout.getReader();
    let browserDone: Promise<unknown> | undefined;
    // Keep reading to the end (cancelling the pipe would make the CLI's last write fail).
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      printed += decoder.decode(chunk.value);
      const url = printed.match(/(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/)?.[1];
      if (url && !browserDone) browserDone = fetch(url); // the "browser"
    }
    await browserDone;
    const code = await proc.exited;
    expect(await new Response(proc.stderr).text()).not.toContain("error");
    expect(code).toBe(0);
    const authFile = join(dir.path, "musicdl", "auth.json");
    expect(statSync(authFile).mode & 0o777).toBe(0o600);
    expect(printed).toContain("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
    const logout = await runCli(["auth", "logout"], { env });
    expect(logout.exitCode).toBe(0);
    expect(logout.stdout).toContain("Logged out");
    expect(() => readFileSync(authFile)).toThrow();
  });

  test("login without a client id is a usage error naming SPOTIFY_CLIENT_ID", async () => {
    const result = await runCli(["auth", "login"]);
    expect(result.exitCode).toBe(EXIT.USAGE);
    expect(result.stderr).toContain("SPOTIFY_CLIENT_ID");
  });
});
