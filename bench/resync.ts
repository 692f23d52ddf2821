/**
 * Fast re-sync: downloads a ~10,000-track config (20 playlists, 10 artists, 5 albums) once against the offline
 * fakes, re-runs it unchanged, then changes one playlist by 3 tracks and runs again. Prints, per run, Spotify
 * requests, provider searches, lyrics requests (lyrics on: a fake LRCLIB with synced lyrics for most tracks, a
 * few instrumentals and a few misses), files written, wall time and musicdl's peak RSS. musicdl runs as a spawned child
 * (`bun src/main.ts download`), so the figures are its own; the fakes serve from this process.
 *
 *   bun bench/resync.ts [--tracks 10000] [--threads 8] [--ffmpeg copy|real] [--keep DIR] [--profile DIR]
 *
 * The first run is the slow part: ffmpeg's start-up alone costs ~100 ms of CPU per track, 10,000 tracks take
 * over 40 minutes on 2 cores. By default (`--ffmpeg copy`) musicdl gets a stand-in ffmpeg (MUSICDL_FFMPEG) that
 * copies the input file, and the library is m4a from the fake's AAC, which a real ffmpeg would only stream-copy
 * too; the tagger, the store and everything else are the real ones. `--ffmpeg real` uses ffmpeg with opus
 * (stream copy WebM → Ogg). The re-runs never start ffmpeg unless something changed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type Catalog,
  type CatalogPlaylistEntry,
  createCatalog,
  editPlaylist,
  startFakeSpotify,
} from "../fakes/spotify/index.ts";
import { startFakeYouTube } from "../fakes/youtube/index.ts";
import { youtubeCatalogFor } from "../fakes/world.ts";
import { recordsFor, startFakeLrclib } from "../fakes/lrclib/index.ts";

const { values } = parseArgs({
  options: {
    tracks: { type: "string", default: "10000" },
    threads: { type: "string", default: "8" },
    ffmpeg: { type: "string", default: "copy" },
    keep: { type: "string" },
    /** Write a CPU profile (markdown) of each musicdl run into this folder. */
    profile: { type: "string" },
  },
});
const TARGET_TRACKS = Number(values.tracks);
const REAL_FFMPEG = values.ffmpeg === "real";
const FORMAT = REAL_FFMPEG ? "opus" : "m4a";
const ROOT = join(import.meta.dir, "..");

// 10 artists with full discographies (~94 tracks each), 5 one-album artists, and enough playlist-only artists
// (38 tracks each) that 20 playlists can list the rest of the tracks once each.
const ARTIST_TRACKS_ESTIMATE = 640; // measured: lead singles share their album track's ISRC and merge
const playlistPoolArtists = Math.max(1, Math.ceil((TARGET_TRACKS - ARTIST_TRACKS_ESTIMATE) / 38) + 1);
const catalog = createCatalog({
  seed: 4242,
  playlistOnlyArtists: playlistPoolArtists,
  artists: [
    ...Array.from({ length: 10 }, () => ({ albums: 8, singles: 6, tracksPerAlbum: [8, 14] as const })),
    ...Array.from({ length: 5 }, () => ({ albums: 1, singles: 0, tracksPerAlbum: 12 })),
  ],
  playlists: Array.from({ length: 20 }, () => ({ size: 1 })),
});
const spare = spreadPoolOverPlaylists(catalog, TARGET_TRACKS - ARTIST_TRACKS_ESTIMATE);

const spotify = startFakeSpotify({ catalog, serveCovers: true });
const videos = youtubeCatalogFor(catalog, { audioSeconds: 2, decoys: false }).map((video) => ({
  ...video,
  formats: REAL_FFMPEG ? (["opus"] as const) : (["aac"] as const),
}));
const youtube = await startFakeYouTube({ catalog: videos });
// Lyrics for 18 tracks in 20, one in 20 instrumental, one in 20 unknown to LRCLIB (a miss, kept for a day).
let lyricsTurn = 0;
const lrclib = startFakeLrclib(
  recordsFor(catalog, () => (["instrumental", "none"] as const)[lyricsTurn++ % 20] ?? "synced"),
);
const dir = values.keep ?? mkdtempSync(join(tmpdir(), "musicdl-bench-resync-"));
mkdirSync(dir, { recursive: true });
const library = join(dir, "music");
const configFile = join(dir, "musicdl.yaml");
writeFileSync(configFile, configText(catalog, join(dir, "cache", "musicdl.sqlite")));
const env = {
  ...process.env,
  HOME: dir,
  XDG_CACHE_HOME: join(dir, "cache"),
  XDG_CONFIG_HOME: join(dir, "config"),
  MUSICDL_SPOTIFY_API_URL: spotify.apiUrl,
  MUSICDL_SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
  MUSICDL_YOUTUBE_ORIGIN: youtube.origin,
  SPOTIFY_CLIENT_ID: spotify.clientId,
  SPOTIFY_CLIENT_SECRET: spotify.clientSecret,
  MUSICDL_LRCLIB_URL: lrclib.url,
  NO_COLOR: "1",
  ...(REAL_FFMPEG ? {} : { MUSICDL_FFMPEG: copyingFfmpeg(dir) }),
};

try {
  const playlistEntries = [...catalog.playlists.values()].reduce((sum, p) => sum + p.entries.length, 0);
  console.log(
    `config: ${catalog.playlists.size} playlists (${playlistEntries} entries), 10 artists, 5 albums; format ${FORMAT} (${REAL_FFMPEG ? "real ffmpeg" : "copying ffmpeg stand-in"}), threads ${values.threads}; dir ${dir}`,
  );
  const startup = await timeStartup();
  console.log(`process start-up (musicdl --version): ${startup.toFixed(2)} s\n`);
  // With --keep on a folder an earlier bench filled, the "first run" is already a re-run (same seed, same catalog).
  await run(existsSync(library) ? "first run (library kept from an earlier bench run)" : "first run (empty library)");
  await run("re-run, nothing changed");
  const changed = [...catalog.playlists.values()][3]!;
  editPlaylist(catalog, changed.id, [...changed.entries.slice(3), ...spare.slice(0, 3).map(trackEntry)]);
  await run(`third run, playlist "${changed.name}" had 3 tracks swapped`);
} finally {
  await Promise.all([spotify.stop(), youtube.stop(), lrclib.stop()]);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

async function run(title: string): Promise<void> {
  const before = snapshotFiles(library);
  const spotifyBefore = spotify.apiRequests().length;
  const youtubeBefore = youtube.requests.length;
  const lrclibBefore = lrclib.requests.length;
  const started = performance.now();
  const child = Bun.spawn(
    [
      process.execPath,
      ...(values.profile ? ["--cpu-prof-md", `--cpu-prof-dir=${values.profile}`] : []),
      "--preload",
      join(import.meta.dir, "_peak-rss.ts"),
      join(ROOT, "src", "main.ts"),
      "download",
      "-c",
      configFile,
      "-o",
      library,
      "--json",
    ],
    { env, stdout: "pipe", stderr: "pipe" },
  );
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  const wallS = (performance.now() - started) / 1000;
  const usage = child.resourceUsage();
  // musicdl's own high-water mark (see _peak-rss.ts); rusage's also counts this bench process as it was at fork.
  const peakKb = /^MUSICDL_PEAK_RSS_KB (\d+)$/m.exec(stderr)?.[1];
  const rssMb = peakKb ? Number(peakKb) / 1024 : (usage?.maxRSS ?? 0) / 1024 / 1024;
  const cpuS = usage ? Number(usage.cpuTime.user + usage.cpuTime.system) / 1e6 : 0;
  const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    summary?: { counts: Record<string, number> };
    removed?: number;
  };
  const after = snapshotFiles(library);
  const written = [...after].filter(([path, stamp]) => before.get(path) !== stamp);
  const youtubeRequests = youtube.requests.slice(youtubeBefore);
  const spotifyRequests = spotify.apiRequests().slice(spotifyBefore);
  const lyricsRequests = lrclib.requests.slice(lrclibBefore);
  const byPath = countBy(spotifyRequests.map((r) => r.path.replace(/\/v1\/(\w+)(\/[^/]+)?.*/, "$1")));
  const counts = summary.summary?.counts ?? {};
  console.log(
    [
      `${title}: exit ${exitCode}, wall ${wallS.toFixed(2)} s (musicdl CPU ${cpuS.toFixed(1)} s), peak RSS ${rssMb.toFixed(0)} MB`,
      `  Spotify requests ${spotifyRequests.length} (${
        Object.entries(byPath)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ") || "none"
      })`,
      `  provider searches ${youtubeRequests.filter((r) => r.path.endsWith("/search")).length}, player ${youtubeRequests.filter((r) => r.path.endsWith("/player")).length}, media ${youtubeRequests.filter((r) => r.path === "/videoplayback").length}`,
      `  lyrics requests ${lyricsRequests.length} (get ${lyricsRequests.filter((r) => r.path === "/api/get").length}, search ${lyricsRequests.filter((r) => r.path === "/api/search").length}); .lrc files ${[...after.keys()].filter((p) => p.endsWith(".lrc")).length}`,
      `  files written ${written.length} (${written.filter(([p]) => /\.m3u8?$/.test(p)).length} M3U) of ${after.size}; items done ${counts.done ?? "?"}, skipped ${counts.skipped ?? "?"}, failed ${counts.failed ?? "?"}; removed ${summary.removed ?? 0}`,
    ].join("\n"),
  );
  if (process.env.BENCH_PHASES)
    console.log(
      stderr
        .split("\n")
        .filter((line) => line.startsWith("PHASE"))
        .join(" | "),
    );
  if (exitCode !== 0)
    console.log(
      stderr
        .split("\n")
        .filter((line) => /fail|error/i.test(line))
        .slice(0, 5)
        .join("\n"),
    );
}

/** Gives every playlist its own slice of the playlist-only tracks (plus a few shared ones); returns the unused. */
function spreadPoolOverPlaylists(catalog: Catalog, wanted: number): string[] {
  const main = new Set(catalog.mainArtistIds);
  const pool = [...catalog.tracks.values()]
    .filter(
      (track) =>
        !track.artistIds.some((id) => main.has(id)) && catalog.albums.get(track.albumId)?.albumType !== "compilation",
    )
    .map((track) => track.id);
  const used = pool.slice(0, Math.max(20, wanted));
  const playlists = [...catalog.playlists.values()];
  const per = Math.ceil(used.length / playlists.length);
  playlists.forEach((playlist, index) => {
    const own = used.slice(index * per, (index + 1) * per);
    // A few tracks also appear in the next playlist, so the plan has duplicates to merge, as real libraries do.
    const shared = used.slice(((index + 1) % playlists.length) * per, ((index + 1) % playlists.length) * per + 5);
    playlist.entries = [...own, ...shared].map(trackEntry);
  });
  return pool.slice(used.length);
}

/** A stand-in for ffmpeg's stream copy when input and output share a container: copies the `-i` file. */
function copyingFfmpeg(folder: string): string {
  const path = join(folder, "ffmpeg-copy.sh");
  writeFileSync(
    path,
    '#!/bin/sh\nin=""\nwhile [ $# -gt 1 ]; do [ "$1" = "-i" ] && in="$2"; shift; done\nexec cp "$in" "$1"\n',
    { mode: 0o755 },
  );
  return path;
}

function trackEntry(trackId: string): CatalogPlaylistEntry {
  return { type: "track", trackId };
}

function configText(catalog: Catalog, cachePath: string): string {
  const url = (kind: string, id: string) => `https://open.spotify.com/${kind}/${id}`;
  const albums = catalog.mainArtistIds.slice(10).map((id) => catalog.releases.get(id)![0]!.albumId);
  return [
    'version: "1.2"',
    "download:",
    `  format: ${FORMAT}`,
    "  bitrate: auto",
    `  threads: ${values.threads}`,
    `  cache_path: ${cachePath}`,
    // The fakes answer instantly; the origin's 2 requests/s and 1 MiB/s would only measure the limiter.
    "  download_rate_limit_enabled: false",
    "  download_bandwidth_limit: null",
    "  lyrics: [lrclib]",
    "  lyrics_output: both",
    "playlists:",
    ...[...catalog.playlists.keys()].map((id) => `  - ${url("playlist", id)}`),
    "artists:",
    ...catalog.mainArtistIds.slice(0, 10).map((id) => `  - ${url("artist", id)}`),
    "albums:",
    ...albums.map((id) => `  - ${url("album", id)}`),
    "",
  ].join("\n");
}

/** path → "size:mtime:inode" of every file under `root`. */
function snapshotFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else files.set(path, `${info.size}:${info.mtimeMs}:${info.ino}`);
    }
  };
  walk(root);
  return files;
}

function countBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

async function timeStartup(): Promise<number> {
  const started = performance.now();
  await Bun.spawn([process.execPath, join(ROOT, "src", "main.ts"), "--version"], { env, stdout: "ignore" }).exited;
  return (performance.now() - started) / 1000;
}
