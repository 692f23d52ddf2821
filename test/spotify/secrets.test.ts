import { afterEach, beforeEach, expect, test } from "bun:test";
import { join } from "node:path";
import type { LogObject } from "consola";
import { log } from "../../src/log.ts";
import { createMemoryCache as createMemorySpotifyCache } from "../../src/plugins/memory-cache.ts";
import { SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { clientFor, disposable, loginAgainstFake } from "../helpers/spotify.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const lines: string[] = [];
const capture = { log: (entry: LogObject) => void lines.push(entry.args.map(String).join(" ")) };
let previousLevel = 0;
beforeEach(() => {
  previousLevel = log.level;
  log.level = 4; // debug lines too
  log.addReporter(capture);
});
afterEach(() => {
  log.removeReporter(capture);
  log.level = previousLevel;
});

test("no log line, error, stat or cache value carries the client secret or any token", async () => {
  using dir = createTempDir();
  await using fake = disposable(
    startFakeSpotify({
      switches: {
        apiShape: "2026",
        playlistOwnership: "owned-only",
        faults: [
          { kind: "429", retryAfterS: 0 },
          { kind: "5xx", after: 2 },
          { kind: "drop", after: 4 },
          { kind: "401", after: 6 },
        ],
      },
    }),
  );
  const seen: string[] = [];
  const cache = createMemorySpotifyCache();
  const app = clientFor(fake, { cache, onEvent: (event) => seen.push(JSON.stringify(event)) });
  const outcomes = await Promise.allSettled([
    app.resolve({ kind: "album", id: SMALL.albumId }),
    app.resolve({ kind: "artist", id: SMALL.artistId }),
    app.resolve({ kind: "playlist", id: SMALL.playlistId }), // withheld: app token
    app.resolve({ kind: "track", id: "0000000000000000000000" }),
    app.resolve({ kind: "saved", id: "" }),
  ]);
  fake.expireTokens();
  outcomes.push(...(await Promise.allSettled([app.resolve({ kind: "track", id: SMALL.trackIds.undertow })])));

  const authFile = join(dir.path, "auth.json");
  await loginAgainstFake(fake, authFile);
  const user = clientFor(fake, { cache, authFile, onEvent: (event) => seen.push(JSON.stringify(event)) });
  outcomes.push(
    ...(await Promise.allSettled([
      user.resolve({ kind: "saved", id: "" }),
      user.resolve({ kind: "playlist", id: SMALL.playlistId }),
    ])),
  );
  fake.set({ faults: [{ kind: "429", retryAfterS: 99_999 }] });
  outcomes.push(...(await Promise.allSettled([user.resolve({ kind: "playlist", id: SMALL.foreignPlaylistId })])));

  const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as Error & { hint?: string }] : []));
  expect(errors.length).toBeGreaterThanOrEqual(4);
  const everything = [
    ...lines,
    ...seen,
    ...errors.flatMap((e) => [e.message, e.hint ?? "", e.stack ?? "", JSON.stringify(e), String(e)]),
    JSON.stringify(app.stats()),
    JSON.stringify(user.stats()),
    JSON.stringify(cache.keys()),
    JSON.stringify(cache.values()),
    JSON.stringify(outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []))),
  ].join("\n");
  const secrets = [
    fake.clientSecret,
    Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString("base64"),
    ...fake.issuedSecrets(),
  ];
  expect(secrets.length).toBeGreaterThan(5);
  for (const secret of secrets) expect(everything.includes(secret) ? secret : "").toBe("");
  expect(lines.length).toBeGreaterThan(0);
});
