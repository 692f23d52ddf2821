import { expect, test } from "bun:test";
import { SMALL, createFakeClock, startFakeSpotify } from "../fakes/spotify/index.ts";
import { clientFor, disposable } from "./helpers.ts";

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
