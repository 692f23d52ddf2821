/**
 * Spotify request budget: resolves a large config (20 playlists, 10 artists, 5 albums, > 5,000 playlist entries)
 * against the offline fake with 50 ms latency, with and without the batch endpoint, and for a 2026 app whose API
 * enforces the smaller page limits (artist albums 10, playlist items 50), and prints requests made vs the minimum the
 * catalog allows with those page sizes (target ≤ 1.05×), wall time, CPU time and peak RSS. The fake runs in a child process so the
 * figures are the client's own.
 *
 *   bun bench/spotify-requests.ts
 */
import { createSpotifyClient } from "../plugins/spotify/client.ts";
import { createMemoryCache as createMemorySpotifyCache } from "../src/plugins/memory-cache.ts";
import {
  type ApiShape,
  type CatalogSpec,
  type SourceSpec,
  createCatalog,
  defaultPageCaps,
  minimumRequests,
  startFakeSpotify,
} from "../fakes/spotify/index.ts";
import { spotifyCore, testSettings } from "../test/helpers/spotify.ts";
import { serveUntilStdinCloses, startFakeInChild } from "./_fake-in-child.ts";

const LATENCY_MS = 50;
const CONCURRENCY = 8;
const SPEC: CatalogSpec = {
  seed: 2026,
  // Playlists draw from their own artists, so every artist/album track needs its own full-track fetch.
  playlistOnlyArtists: 150,
  artists: [
    ...Array.from({ length: 10 }, () => ({
      albums: 8,
      singles: 6,
      compilations: 2,
      appearsOn: 2,
      tracksPerAlbum: [8, 14] as const,
    })),
    ...Array.from({ length: 5 }, () => ({ albums: 1, singles: 0, tracksPerAlbum: [10, 24] as const })),
  ],
  playlists: Array.from({ length: 20 }, (_, i) => ({ size: 240 + i * 7, nulls: 1, locals: 1, episodes: 1 })),
};

if (process.argv[2] === "--serve") {
  const fake = startFakeSpotify({
    catalog: createCatalog(SPEC),
    switches: {
      latencyMs: LATENCY_MS,
      batchEndpoints: process.argv[3] === "batch",
      apiShape: process.argv[4] as ApiShape,
      enforce2026Limits: process.argv[5] === "enforce-2026-limits",
    },
  });
  await serveUntilStdinCloses(fake);
}

const catalog = createCatalog(SPEC);
const artistIds = catalog.mainArtistIds.slice(0, 10);
const albumIds = catalog.mainArtistIds.slice(10).map((id) => catalog.releases.get(id)![0]!.albumId);
const sources: SourceSpec[] = [
  ...[...catalog.playlists.keys()].map((id) => ({ kind: "playlist" as const, id })),
  ...artistIds.map((id) => ({ kind: "artist" as const, id })),
  ...albumIds.map((id) => ({ kind: "album" as const, id })),
];
const entries = [...catalog.playlists.values()].reduce((sum, playlist) => sum + playlist.entries.length, 0);
console.log(
  `config: ${catalog.playlists.size} playlists (${entries} entries), ${artistIds.length} artists, ${albumIds.length} albums; fake latency ${LATENCY_MS} ms, concurrency ${CONCURRENCY}`,
);

async function run(batch: boolean, shape: ApiShape, enforce2026Limits = false) {
  const { fake, stop: stopFake } = await startFakeInChild(import.meta.path, [
    batch ? "batch" : "no-batch",
    shape,
    enforce2026Limits ? "enforce-2026-limits" : "lenient-limits",
  ]);
  const client = createSpotifyClient({
    ...spotifyCore(),
    settings: testSettings({
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      spotifyConcurrency: CONCURRENCY,
      spotifyRetryBaseDelayS: 1,
      spotifyRetryMaxDelayS: 30,
      spotifyMaxWaitS: 600,
    }),
    apiUrl: fake.apiUrl,
    accountsUrl: fake.accountsUrl,
    authFile: "/nonexistent/musicdl-bench-auth.json",
    cache: createMemorySpotifyCache(),
  });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const resolved = await Promise.all(sources.map((source) => client.resolve(source)));
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await stopFake();
  const stats = client.stats();
  // The smallest pages such an API serves go into the minimum: the bar is the fewest requests *it* allows.
  const caps = { ...defaultPageCaps(shape), ...(enforce2026Limits ? { artistAlbums: 10, playlistItems: 50 } : {}) };
  const minimum = minimumRequests(catalog, sources, { batch, caps });
  const tracks = resolved.reduce((sum, source) => sum + source.tracks.length, 0);
  console.log(
    [
      `${batch ? "with batch GET /tracks?ids=" : "without batch (2026 dev mode)"}, ${shape} shape${enforce2026Limits ? ", 2026 page limits enforced" : ""}:`,
      `  tracks resolved ${tracks}; requests ${stats.requests} (+1 token); minimum ${minimum.total} (${minimum.listRequests} list + ${minimum.fullTrackRequests} full-track); ratio ${(stats.requests / minimum.total).toFixed(3)}`,
      `  retries ${stats.retries}, 429s ${stats.rateLimited}; wall ${wallS.toFixed(2)} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    ].join("\n"),
  );
}

await run(true, "legacy");
await run(false, "2026");
await run(false, "2026", true);
