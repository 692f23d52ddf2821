import { expect, test } from "bun:test";
import { join } from "node:path";
import { SMALL, createFakeClock, createSmallCatalog, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { runCli } from "../helpers/run-cli.ts";
import { clientFor, disposable } from "../helpers/spotify.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

test("an app token is reused until shortly before it expires, then renewed without a 401", async () => {
  const clock = createFakeClock();
  await using fake = disposable(startFakeSpotify({ now: clock.now, switches: { tokenLifetimeS: 3600 } }));
  const client = clientFor(fake, { clock });
  await client.resolve({ kind: "track", id: SMALL.trackIds.lanterns });
  clock.advance(3000_000);
  await client.resolve({ kind: "track", id: SMALL.trackIds.tideTables });
  expect(fake.requests.filter((r) => r.path === "/api/token")).toHaveLength(1);
  clock.advance(590_000); // 3590 s: inside the renewal margin
  await client.resolve({ kind: "track", id: SMALL.trackIds.undertow });
  expect(fake.requests.map((r) => r.status)).not.toContain(401);
  expect(fake.requests.filter((r) => r.path === "/api/token")).toHaveLength(2);
});

test("a token the server expires after N seconds is replaced on its first 401", async () => {
  const clock = createFakeClock();
  // The server kills tokens after 10 s but claims an hour, as a revoked token would behave.
  await using fake = disposable(startFakeSpotify({ now: clock.now, switches: { tokenLifetimeS: 10 } }));
  const client = clientFor(fake, { clock });
  await client.resolve({ kind: "track", id: SMALL.trackIds.lanterns });
  fake.set({ tokenLifetimeS: 3600 });
  clock.advance(11_000);
  const album = await client.resolve({ kind: "album", id: SMALL.albumId });
  expect(album.tracks).toHaveLength(3);
});

test("an aborted resolve stops with the abort reason", async () => {
  await using fake = disposable(startFakeSpotify({ switches: { latencyMs: 200 } }));
  const controller = new AbortController();
  const pending = clientFor(fake).resolve({ kind: "album", id: SMALL.albumId }, { signal: controller.signal });
  controller.abort(new Error("user pressed Ctrl-C"));
  expect((await pending.catch((e) => e)).message).toBe("user pressed Ctrl-C");
});

test("wrong app credentials cost one token request, however many sources the run has, and exit 3 saying which to check", async () => {
  await using fake = disposable(startFakeSpotify({ catalog: createSmallCatalog() }));
  using dir = createTempDir();
  const result = await runCli(
    [
      "plan",
      `https://open.spotify.com/track/${SMALL.trackIds.lanterns}`,
      `https://open.spotify.com/album/${SMALL.albumId}`,
      `https://open.spotify.com/playlist/${SMALL.playlistId}`,
      `https://open.spotify.com/artist/${SMALL.artistId}`,
    ],
    {
      cwd: dir.path,
      env: {
        HOME: dir.path,
        XDG_CACHE_HOME: join(dir.path, "cache"),
        XDG_CONFIG_HOME: join(dir.path, "config"),
        MUSICDL_SPOTIFY_API_URL: fake.apiUrl,
        MUSICDL_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
        SPOTIFY_CLIENT_ID: fake.clientId,
        SPOTIFY_CLIENT_SECRET: "not-the-secret-0123456789",
      },
    },
  );
  expect(result.exitCode).toBe(3);
  // Which source met the refusal first is chance; the error is about the app, so it names none.
  expect(result.stderr).toStartWith("error: Spotify refused the token request (invalid_client");
  expect(result.stderr).toContain("Check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET");
  expect(result.stderr).not.toContain("not-the-secret-0123456789");
  expect(fake.requests.filter((r) => r.path === "/api/token")).toHaveLength(1);
}, 60_000);

test("a busy accounts service (502, then 429 with Retry-After 0) is asked again, and the run goes on", async () => {
  await using fake = disposable(
    startFakeSpotify({
      switches: {
        faults: [
          { kind: "5xx", status: 502, path: "/api/token" },
          { kind: "429", retryAfterS: 0, path: "/api/token" },
        ],
      },
    }),
  );
  const track = await clientFor(fake).resolve({ kind: "track", id: SMALL.trackIds.lanterns });
  expect(track.tracks.map((t) => t.title)).toEqual(["Lanterns"]);
  expect(fake.requests.filter((r) => r.path === "/api/token").map((r) => r.status)).toEqual([502, 429, 200]);
});

test("a token request Spotify asks to hold off for an hour stops the run, blaming Spotify's side, not the credentials", async () => {
  await using fake = disposable(
    startFakeSpotify({ switches: { faults: [{ kind: "429", retryAfterS: 3600, path: "/api/token" }] } }),
  );
  const error = (await clientFor(fake)
    .resolve({ kind: "track", id: SMALL.trackIds.lanterns })
    .then(
      () => null,
      (e: unknown) => e,
    )) as (Error & { hint?: string }) | null;
  expect(error?.message).toContain("did not hand out a token (HTTP 429) and asked for a 3600 s pause");
  expect(error?.hint).toContain("not your credentials");
  expect(fake.requests.filter((r) => r.path === "/api/token")).toHaveLength(1);
});
