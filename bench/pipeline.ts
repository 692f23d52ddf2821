/**
 * The whole pipeline at library scale: `musicdl download` of 20 albums (200 tracks) against the offline fakes with
 * 100 ms YouTube latency and real ffmpeg, at threads 1 and 4, to opus (every conversion a stream copy) and to mp3
 * (every one an encode). Prints wall time, CPU seconds (musicdl plus its ffmpeg children, from /usr/bin/time),
 * peak RSS and the stream-copy count from the `--debug` ffmpeg lines. Each run starts from an empty library and
 * store; the fake's audio is generated before timing starts.
 *
 *   bun bench/pipeline.ts [--tracks 200] [--threads 1,4] [--formats opus,mp3]
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import { createCatalog } from "../fakes/spotify/index.ts";
import { startFakeWorld } from "../fakes/world.ts";

const TRACKS_PER_ALBUM = 10;
const LATENCY_MS = 100;
const AUDIO_SECONDS = 2;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}
const trackCount = Number(option("tracks", "200"));
const threadCounts = option("threads", "1,4").split(",").map(Number);
const formats = option("formats", "opus,mp3").split(",");

// 5 albums per artist, no singles (a lead single would share an album track's ISRC and be deduped away).
const albumCount = Math.ceil(trackCount / TRACKS_PER_ALBUM);
const catalog = createCatalog({
  seed: 7,
  artists: Array.from({ length: Math.ceil(albumCount / 5) }, () => ({
    albums: 5,
    singles: 0,
    tracksPerAlbum: TRACKS_PER_ALBUM,
  })),
});
const albumIds = [...catalog.albums.values()].filter((album) => album.albumType === "album").map((album) => album.id);
const albums = albumIds.slice(0, albumCount);
const tracks = albums.reduce((sum, id) => sum + catalog.albums.get(id)!.trackIds.length, 0);

const world = await startFakeWorld({ catalog, audioSeconds: AUDIO_SECONDS });
const root = mkdtempSync(join(tmpdir(), "musicdl-bench-pipeline-"));
const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

try {
  await warmFakeAudio();
  world.youtube.setLatency(LATENCY_MS);
  console.log(
    `musicdl pipeline: ${tracks} tracks in ${albums.length} albums · YouTube latency ${LATENCY_MS} ms · ${AUDIO_SECONDS} s of audio each`,
  );
  console.log("format  threads  wall s  CPU s (user+sys)  peak RSS MiB  stream copies  exit");
  for (const format of formats) {
    for (const threads of threadCounts) {
      const result = await runOnce(format, threads);
      console.log(
        [
          format.padEnd(6),
          String(threads).padStart(7),
          result.wallS.toFixed(1).padStart(7),
          (result.cpuS === null ? "n/a" : result.cpuS.toFixed(1)).padStart(17),
          (result.peakRssMiB === null ? "n/a" : result.peakRssMiB.toFixed(0)).padStart(13),
          `${result.copies}/${result.conversions}`.padStart(14),
          String(result.exitCode).padStart(5),
        ].join("  "),
      );
    }
  }
  if (!time) console.log("(/usr/bin/time not found: CPU and RSS not measured)");
} finally {
  await world.stop();
  rmSync(root, { recursive: true, force: true });
}

/** The fake makes each video's opus and AAC files on first request; do it now, so runs time musicdl only. */
async function warmFakeAudio(): Promise<void> {
  const limit = pLimit(4);
  const ids = albums.flatMap((id) => catalog.albums.get(id)!.trackIds);
  await Promise.all(
    ids.flatMap((id) =>
      [251, 140].map((itag) => limit(() => world.youtube.audioFile(world.videoIdOf(id), itag as 251 | 140))),
    ),
  );
}

interface RunResult {
  readonly wallS: number;
  readonly cpuS: number | null;
  readonly peakRssMiB: number | null;
  readonly copies: number;
  readonly conversions: number;
  readonly exitCode: number;
}

async function runOnce(format: string, threads: number): Promise<RunResult> {
  const dir = join(root, `${format}-${threads}`);
  const args = ["download", ...albums.map((id) => `https://open.spotify.com/album/${id}`)];
  args.push("-o", join(dir, "music"), "--format", format, "--threads", String(threads), "--debug");
  const musicdl = [process.execPath, join(import.meta.dir, "..", "src", "main.ts"), ...args];
  // GNU time's rusage covers every descendant musicdl waited for: ffmpeg's CPU is in the figure.
  const command = time ? [time, "-f", "BENCH-TIME %e %U %S %M", ...musicdl] : musicdl;
  const env = {
    ...process.env,
    ...world.env,
    NO_COLOR: "1",
    XDG_CACHE_HOME: join(dir, "cache"),
    XDG_CONFIG_HOME: join(dir, "config"),
  };
  const started = performance.now();
  const child = Bun.spawn(command, { env, stdout: "ignore", stderr: "pipe" });
  const [stderr, exitCode] = await Promise.all([new Response(child.stderr).text(), child.exited]);
  const wallS = (performance.now() - started) / 1000;
  const measured = /BENCH-TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  const lines = stderr.split("\n");
  const failures = lines.filter((line) => line.startsWith("  failed "));
  if (failures.length > 0) console.log(failures.map((line) => `    ${line.trim()}`).join("\n"));
  return {
    wallS: measured ? Number(measured[1]) : wallS,
    cpuS: measured ? Number(measured[2]) + Number(measured[3]) : null,
    peakRssMiB: measured ? Number(measured[4]) / 1024 : null,
    copies: lines.filter((line) => line.includes("ffmpeg (stream copy)")).length,
    conversions: lines.filter((line) => line.includes("ffmpeg (")).length,
    exitCode,
  };
}
