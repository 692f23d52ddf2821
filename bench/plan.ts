/**
 * Plan generation at scale: a config of 20 playlists, 10 artists and 5 albums (about 10,000 tracks) against the
 * offline fake Spotify (a child process, 20 ms latency), planned in-process as `musicdl download` does (resolve,
 * dedupe, targets, presence, save to the store). Prints wall time, CPU time and peak RSS for a cold run (network
 * waits included) and a warm one (Spotify cache filled: the CPU cost of planning itself), then the executor's
 * overhead per item over the same plan with instant provider, tagger and converter stubs.
 *
 *   bun bench/plan.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSession } from "../src/cli/session.ts";
import { executePlan } from "../src/plan/execute.ts";
import type { DownloadPlan, PlanItem } from "../src/plan/model.ts";
import { preparePlan } from "../src/plan/prepare.ts";
import type { ExecutorContext } from "../src/plan/stages/context.ts";
import type { ProviderPlugin, TaggerPlugin } from "../src/plugins/api.ts";
import { type CatalogSpec, createCatalog, startFakeSpotify } from "../fakes/spotify/index.ts";
import { type FakeAddress, serveUntilStdinCloses, startFakeInChild } from "./_fake-in-child.ts";
import { sourceStats } from "../src/plugins/source-stats.ts";

const LATENCY_MS = 20;
const SPEC: CatalogSpec = {
  seed: 2027,
  playlistOnlyArtists: 1000,
  artists: [
    ...Array.from({ length: 10 }, () => ({ albums: 10, singles: 6, tracksPerAlbum: [10, 14] as const })),
    ...Array.from({ length: 5 }, () => ({ albums: 1, singles: 0, tracksPerAlbum: [12, 20] as const })),
  ],
  playlists: Array.from({ length: 20 }, (_, i) => ({ size: 480 + i * 4, nulls: 1, locals: 1 })),
};

if (process.argv[2] === "--serve") {
  const catalog = createCatalog(SPEC);
  const fake = startFakeSpotify({ catalog, switches: { latencyMs: LATENCY_MS } });
  const sources: Sources = {
    playlists: [...catalog.playlists.keys()],
    artists: catalog.mainArtistIds.slice(0, 10),
    albums: catalog.mainArtistIds.slice(10).map((id) => catalog.releases.get(id)![0]!.albumId),
  };
  await serveUntilStdinCloses(fake, { sources });
}

interface Sources {
  playlists: string[];
  artists: string[];
  albums: string[];
}

// `--plan <dir>`: one planning pass over the config the main run wrote there (env from the main run).
const root = process.argv[2] === "--plan" ? process.argv[3]! : mkdtempSync(join(tmpdir(), "musicdl-bench-plan-"));
const library = join(root, "music");
const configFile = join(root, "musicdl.yaml");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

interface PlanFigures {
  tracks: number;
  duplicatesRemoved: number;
  requests: number;
  wallS: number;
  cpuS: number;
  peakRssBytes: number;
}

async function planOnce(): Promise<{ plan: DownloadPlan; figures: PlanFigures }> {
  const session = await openSession({
    args: { config: configFile, output: library, quiet: true, plugins: false, _: [] },
  });
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const prepared = await preparePlan({ ...session, signal: new AbortController().signal, save: true });
    const wallS = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const { tracks, duplicatesRemoved } = prepared.plan.stats;
    const requests = sourceStats(session.registry.sources).spotify?.requests ?? 0;
    const figures = {
      tracks,
      duplicatesRemoved,
      requests,
      wallS,
      cpuS: (used.user + used.system) / 1e6,
      peakRssBytes: peakRss(),
    };
    return { plan: prepared.plan, figures };
  } finally {
    await session.close();
  }
}

/** Each planning pass in a process of its own, so its peak RSS is its own. */
async function planInChild(label: string): Promise<void> {
  const run = Bun.spawn([process.execPath, import.meta.path, "--plan", root], {
    env: process.env,
    stdout: "pipe",
    stderr: "inherit",
  });
  const f = JSON.parse(await new Response(run.stdout).text()) as PlanFigures;
  console.log(
    `${label}: ${f.tracks} tracks (${f.duplicatesRemoved} duplicates removed), ${f.requests} Spotify requests; ` +
      `wall ${f.wallS.toFixed(2)} s; CPU ${f.cpuS.toFixed(2)} s; peak RSS ${mb(f.peakRssBytes)} (whole process)`,
  );
}

if (process.argv[2] === "--plan") {
  process.stdout.write(JSON.stringify((await planOnce()).figures));
  process.exit(0);
}

const { fake, stop: stopFake } = await startFakeInChild<FakeAddress & { sources: Sources }>(import.meta.path);
Object.assign(process.env, {
  MUSICDL_SPOTIFY_API_URL: fake.apiUrl,
  MUSICDL_SPOTIFY_ACCOUNTS_URL: fake.accountsUrl,
  SPOTIFY_CLIENT_ID: fake.clientId,
  SPOTIFY_CLIENT_SECRET: fake.clientSecret,
});

const url = (kind: string, id: string) => `  - https://open.spotify.com/${kind}/${id}`;
writeFileSync(
  configFile,
  [
    'version: "1.2"',
    "download:",
    "  format: mp3",
    "  spotify_rate_limit_enabled: false",
    `  cache_path: ${join(root, "musicdl.sqlite")}`,
    "playlists:",
    ...fake.sources.playlists.map((id) => url("playlist", id)),
    "artists:",
    ...fake.sources.artists.map((id) => url("artist", id)),
    "albums:",
    ...fake.sources.albums.map((id) => url("album", id)),
  ].join("\n"),
);

console.log(
  `config: ${fake.sources.playlists.length} playlists, 10 artists, 5 albums; fake Spotify latency ${LATENCY_MS} ms`,
);
await planInChild("cold (empty cache)");
await planInChild("warm (cached)     ");
const { plan } = await planOnce();
await stopFake();

// The executor alone: every stage answers at once, so what is left is its own bookkeeping and file handling.
const provider: ProviderPlugin = {
  apiVersion: 1,
  kind: "provider",
  name: "instant",
  search: async (track) => [
    {
      provider: "instant",
      id: track.id,
      title: track.title,
      artists: track.artists,
      durationMs: track.durationMs,
      kind: "song",
      url: "https://example.invalid",
    },
  ],
  download: async (candidate, dir) => ({ file: join(dir, candidate.id), codec: "mp3", container: "mp3", sizeBytes: 0 }),
};
const tagger: TaggerPlugin = {
  apiVersion: 1,
  kind: "tagger",
  name: "instant-tags",
  formats: ["mp3"],
  write: async () => {},
};
const session = await openSession({
  args: { config: configFile, output: library, quiet: true, plugins: false, _: [] },
});
const libraryIndex = session.store.library(library);
const items: PlanItem[] = plan.items.map((item) => ({
  ...item,
  status: item.status === "skipped" ? "skipped" : "pending",
}));
const ctx: ExecutorContext = {
  providers: [provider],
  taggerFor: () => tagger,
  describeRejection: () => "none",
  convert: async ({ output }) => {
    await writeFile(output, ""); // not Bun.write: it blocks, and would be most of what this measures
    return { streamCopy: true };
  },
  coverFor: async () => undefined,
  library: { upsert: (row) => libraryIndex.upsert({ ...row, format: "mp3", writtenAtMs: 0 }) },
  persist: (item) =>
    session.store.plans.updateItem(library, item.id, {
      status: item.status,
      attempts: item.attempts,
      error: item.error ?? null,
      target: item.target,
      ...(item.kind === "track" ? { match: item.match ?? null } : {}),
    }),
  format: "mp3",
  bitrate: "128k",
  overwrite: "skip",
  maxRetries: 3,
  limits: { threads: 4, search: 4, download: 4, ffmpeg: 2 },
  tempDir: join(root, "scratch"),
  onEvent: () => {},
  signal: new AbortController().signal,
};
const cpu = process.cpuUsage();
const started = performance.now();
const summary = await executePlan({ ...plan, items }, ctx);
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const count = items.length;
console.log(
  `executor over ${count} items (${summary.counts.done} done, ${summary.counts.failed} failed) with instant stubs: ` +
    `wall ${(wallMs / 1000).toFixed(2)} s = ${((wallMs * 1000) / count).toFixed(0)} µs per item; ` +
    `CPU ${((((used.user + used.system) / 1e3) * 1000) / count).toFixed(0)} µs per item; peak RSS ${mb(peakRss())}`,
);
await session.close();
rmSync(root, { recursive: true, force: true });
