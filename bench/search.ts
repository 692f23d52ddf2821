/**
 * How hard and how well musicdl searches: `musicdl download` of a catalog whose YouTube side sets every trap class
 * (test/fakes/youtube/trap-catalog.ts: buried right songs, unplayable best uploads, video-only tracks, wrong
 * lengths, live albums, noise-tagged uploads). Prints search requests per track (average and maximum), wall time,
 * and how many tracks ended with the expected recording or the expected miss.
 *
 *   bun bench/search.ts [--albums 8] [--threads 4]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCatalog } from "../test/fakes/spotify/index.ts";
import { trapCatalogFor } from "../test/fakes/youtube/trap-catalog.ts";
import { startFakeWorld } from "../test/fakes/world.ts";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}
const albumCount = Number(option("albums", "8"));
const threads = option("threads", "4");

const catalog = createCatalog({
  seed: 13,
  artists: Array.from({ length: Math.ceil(albumCount / 2) }, () => ({ albums: 2, singles: 0, tracksPerAlbum: 12 })),
});
const albums = [...catalog.albums.values()].filter((album) => album.albumType === "album").slice(0, albumCount);
const trackIds = albums.flatMap((album) => album.trackIds);
const traps = trapCatalogFor(catalog);
const world = await startFakeWorld({ catalog, youtubeCatalog: traps.videos });
const root = mkdtempSync(join(tmpdir(), "musicdl-bench-search-"));

try {
  const args = ["download", ...albums.map((album) => `https://open.spotify.com/album/${album.id}`)];
  args.push("-o", join(root, "music"), "--format", "opus", "--threads", threads);
  const env = {
    ...process.env,
    ...world.env,
    NO_COLOR: "1",
    XDG_CACHE_HOME: join(root, "cache"),
    XDG_CONFIG_HOME: join(root, "config"),
  };
  const started = performance.now();
  const child = Bun.spawn([process.execPath, join(import.meta.dir, "..", "src", "main.ts"), ...args], {
    env,
    stdout: "ignore",
    stderr: "pipe",
  });
  const [, exitCode] = await Promise.all([new Response(child.stderr).text(), child.exited]);
  const wallS = (performance.now() - started) / 1000;

  const perTrack = new Map<string, number>(trackIds.map((id) => [id, 0]));
  for (const request of world.youtube.requests) {
    if (request.path !== "/youtubei/v1/search") continue;
    const owner = ownerOf(request.body ?? {});
    if (owner) perTrack.set(owner, (perTrack.get(owner) ?? 0) + 1);
  }
  const counts = [...perTrack.values()];
  const average = counts.reduce((sum, count) => sum + count, 0) / counts.length;
  const downloaded = new Set(
    world.youtube.requests.filter((r) => r.path === "/videoplayback" && r.status < 300).map((r) => r.videoId),
  );
  const wrong: string[] = [];
  for (const id of trackIds) {
    const want = traps.expected.get(id) ?? null;
    const tookWrong = traps.videos.some(
      (video) => video.videoId !== want && ownsVideo(id, video.videoId) && downloaded.has(video.videoId),
    );
    const missed = want !== null && !downloaded.has(want);
    if (tookWrong || missed) wrong.push(`${traps.classOf.get(id)}${tookWrong ? " (wrong recording)" : " (missed)"}`);
  }
  console.log(
    `musicdl search: ${trackIds.length} tracks in ${albums.length} albums, ${traps.classOf.size ? 12 : 0} trap classes, threads ${threads}`,
  );
  console.log(`searches per track: average ${average.toFixed(2)}, max ${Math.max(...counts)}`);
  console.log(`wall time: ${wallS.toFixed(1)} s (exit ${exitCode})`);
  console.log(`correct: ${trackIds.length - wrong.length}/${trackIds.length}`);
  const byClass = new Map<string, number>();
  for (const entry of wrong) byClass.set(entry, (byClass.get(entry) ?? 0) + 1);
  for (const [entry, count] of byClass) console.log(`  wrong: ${entry} ×${count}`);
} finally {
  await world.stop();
  rmSync(root, { recursive: true, force: true });
}

/** Which track a search request was for: its ISRC, or the track whose artist and title the query names. */
function ownerOf(body: { query?: string; continuation?: string }): string | undefined {
  let query = body.query ?? "";
  if (body.continuation) {
    try {
      query = (JSON.parse(Buffer.from(body.continuation, "base64url").toString()) as { query: string }).query;
    } catch {
      return undefined;
    }
  }
  const text = query.toLowerCase();
  const candidates = trackIds.filter((id) => {
    const track = catalog.tracks.get(id)!;
    if (track.isrc && text.trim() === track.isrc.toLowerCase()) return true;
    const artist = catalog.artists.get(track.artistIds[0]!)?.name.toLowerCase() ?? "";
    return text.includes(artist) && text.includes(`- ${track.name.toLowerCase()}`);
  });
  // Several tracks can share a title: the longest title named wins, then the one whose album the query names.
  return candidates.sort((a, b) => score(b, text) - score(a, text))[0];
}

function score(id: string, text: string): number {
  const track = catalog.tracks.get(id)!;
  const album = catalog.albums.get(track.albumId)?.name.toLowerCase() ?? "";
  const exact = text.endsWith(`- ${track.name.toLowerCase()}`) ? 100 : 0;
  return exact + track.name.length + (album && text.includes(album) ? 1000 : 0);
}

/** Video ids of the trap catalog carry the track's position (see trap-catalog.ts). */
function ownsVideo(trackId: string, videoId: string): boolean {
  const index = [...catalog.tracks.keys()].indexOf(trackId);
  return videoId.slice(1, 5) === String(index).padStart(4, "0");
}
