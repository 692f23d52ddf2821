/**
 * How hard and how well musicdl searches: `musicdl download` of 100 tracks whose YouTube side sets traps
 * (fakes/youtube/trap-catalog.ts: buried right songs, unplayable best uploads, video-only tracks, wrong
 * lengths, live albums, noise-tagged uploads), on two catalogs: "everyday" (4 in 5 tracks have their song found by
 * ISRC, as on YouTube Music; one of each trap class in every 50 tracks besides) and "traps only" (every track a
 * trap, in turn). Prints search requests per track (average and maximum), wall time, and how many tracks ended
 * with the expected recording or the expected miss.
 *
 *   bun bench/search.ts [--albums 10] [--threads 4] [--catalogs everyday,traps] [--verbose]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Catalog, createCatalog } from "../fakes/spotify/index.ts";
import { type ClassFor, TRAP_CLASSES, type TrapCatalog, trapCatalogFor } from "../fakes/youtube/trap-catalog.ts";
import { startFakeWorld } from "../fakes/world.ts";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}
const albumCount = Number(option("albums", "10"));
const threads = option("threads", "4");
const catalogs = option("catalogs", "everyday,traps").split(",");
const verbose = process.argv.includes("--verbose");

const TRAPS = TRAP_CLASSES.filter((trap) => trap !== "isrc-card" && trap !== "isrc-card-2");
const MIXES: Record<string, ClassFor> = {
  everyday: (index) => (index % 50 < 50 - TRAPS.length ? "isrc-card" : TRAPS[(index % 50) - (50 - TRAPS.length)]!),
  traps: (index) => TRAP_CLASSES[index % TRAP_CLASSES.length]!,
};

async function measure(name: string, classFor: ClassFor): Promise<void> {
  const catalog = createCatalog({
    seed: 13,
    artists: Array.from({ length: Math.ceil(albumCount / 2) }, () => ({ albums: 2, singles: 0, tracksPerAlbum: 10 })),
  });
  const albums = [...catalog.albums.values()].filter((album) => album.albumType === "album").slice(0, albumCount);
  const trackIds = albums.flatMap((album) => album.trackIds);
  const traps = trapCatalogFor(catalog, classFor);
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
      const owner = ownerOf(catalog, trackIds, request.body ?? {});
      if (owner) perTrack.set(owner, (perTrack.get(owner) ?? 0) + 1);
    }
    const counts = [...perTrack.values()];
    const average = counts.reduce((sum, count) => sum + count, 0) / counts.length;
    const wrong = judge(catalog, trackIds, traps, world.youtube.requests);
    console.log(
      `musicdl search, "${name}" catalog: ${trackIds.length} tracks in ${albums.length} albums, threads ${threads}`,
    );
    console.log(`  searches per track: average ${average.toFixed(2)}, max ${Math.max(...counts)}`);
    console.log(`  wall time: ${wallS.toFixed(1)} s (exit ${exitCode})`);
    console.log(`  correct: ${trackIds.length - wrong.length}/${trackIds.length}`);
    const byClass = new Map<string, number>();
    for (const entry of wrong) byClass.set(entry, (byClass.get(entry) ?? 0) + 1);
    for (const [entry, count] of byClass) console.log(`    wrong: ${entry} ×${count}`);
    if (verbose) {
      for (const [id, count] of perTrack) {
        if (count > 3) console.log(`    ${count} searches: ${traps.classOf.get(id)} "${catalog.tracks.get(id)!.name}"`);
      }
    }
  } finally {
    await world.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Per wrong track: its class and whether it took another recording or missed the expected one. */
function judge(
  catalog: Catalog,
  trackIds: readonly string[],
  traps: TrapCatalog,
  requests: readonly { path: string; status: number; videoId?: string }[],
): string[] {
  const downloaded = new Set(
    requests.filter((r) => r.path === "/videoplayback" && r.status < 300).map((r) => r.videoId),
  );
  const positions = [...catalog.tracks.keys()];
  const wrong: string[] = [];
  for (const id of trackIds) {
    const want = traps.expected.get(id) ?? null;
    // Video ids of the trap catalog carry the track's position (see trap-catalog.ts).
    const own = String(positions.indexOf(id)).padStart(4, "0");
    const tookWrong = traps.videos.some(
      (video) => video.videoId !== want && video.videoId.slice(1, 5) === own && downloaded.has(video.videoId),
    );
    const missed = want !== null && !downloaded.has(want);
    if (tookWrong || missed) wrong.push(`${traps.classOf.get(id)}${tookWrong ? " (wrong recording)" : " (missed)"}`);
  }
  return wrong;
}

/**
 * Which track a search request was for: the one whose ISRC, "Artists - Title" or "Artists - Title Album" query it
 * is (a continuation carries its query in the fake's token). Tracks sharing artist and title share the count.
 */
function ownerOf(
  catalog: Catalog,
  trackIds: readonly string[],
  body: { query?: string; continuation?: string },
): string | undefined {
  let query = body.query ?? "";
  if (body.continuation) {
    try {
      query = (JSON.parse(Buffer.from(body.continuation, "base64url").toString()) as { query: string }).query;
    } catch {
      return undefined;
    }
  }
  return queriesOf(catalog, trackIds).get(query);
}

const queryIndex = new WeakMap<Catalog, Map<string, string>>();
function queriesOf(catalog: Catalog, trackIds: readonly string[]): Map<string, string> {
  let index = queryIndex.get(catalog);
  if (index) return index;
  index = new Map();
  for (const id of trackIds) {
    const track = catalog.tracks.get(id)!;
    const artists = track.artistIds.map((artistId) => catalog.artists.get(artistId)?.name ?? "").join(", ");
    const plain = `${artists} - ${track.name}`;
    const album = catalog.albums.get(track.albumId)?.name ?? "";
    for (const query of [track.isrc ?? "", plain, `${plain} ${album}`])
      if (query && !index.has(query)) index.set(query, id);
  }
  queryIndex.set(catalog, index);
  return index;
}

for (const name of catalogs) {
  const classFor = MIXES[name];
  if (!classFor) throw new Error(`--catalogs: unknown catalog "${name}" (everyday, traps)`);
  await measure(name, classFor);
}
