/**
 * Requests the library sources cost: a logged-in user with 120 playlists in their list (100 owned, 10
 * collaborative, 10 only followed), 60 saved albums and 30 followed artists, resolved against the offline fake
 * once cold and once more unchanged with the same cache (`batchEndpoints` on, as for apps created before Feb 2026).
 * Prints Web API requests per source and run.
 *
 *   bun bench/library-requests.ts
 */
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createSpotifyClient } from "../plugins/spotify/client.ts";
import { createMemoryCache as createMemorySpotifyCache } from "../src/plugins/memory-cache.ts";
import { KNOWN_SCOPES } from "../plugins/spotify/scopes.ts";
import type { LibraryKind } from "../plugins/spotify/url.ts";
import { createCatalog, startFakeSpotify } from "../fakes/spotify/index.ts";
import { loginAgainstFake, spotifyCore, testSettings } from "../test/helpers/spotify.ts";

const catalog = createCatalog({
  seed: 18,
  artists: Array.from({ length: 30 }, () => ({ albums: 2, singles: 1, tracksPerAlbum: 10 })),
  playlists: Array.from({ length: 120 }, (_, i) => ({
    size: 30,
    owned: i < 100,
    collaborative: i >= 100 && i < 110,
  })),
});
catalog.savedAlbumIds = [...catalog.albums.values()]
  .filter((album) => album.albumType === "album")
  .map((a) => a.id)
  .slice(0, 60);
catalog.followedArtistIds = [...catalog.mainArtistIds];
const fake = startFakeSpotify({ catalog, switches: { apiShape: "2026", playlistOwnership: "owned-only" } });
const dir = mkdtempSync(join(tmpdir(), "musicdl-bench-library-"));
const authFile = join(dir, "auth.json");
try {
  await loginAgainstFake(fake, authFile, KNOWN_SCOPES);
  const runOnce = async (kind: LibraryKind, cache: ReturnType<typeof createMemorySpotifyCache>) => {
    const client = createSpotifyClient({
      ...spotifyCore(),
      settings: testSettings({ spotifyConcurrency: 8 }),
      apiUrl: fake.apiUrl,
      accountsUrl: fake.accountsUrl,
      authFile,
      cache,
    });
    const before = fake.apiRequests().length;
    const { children, warnings } = await client.expand(kind);
    const sources = await Promise.all(children.map((child) => client.resolve({ kind: child.kind, id: child.id })));
    const tracks = sources.reduce((sum, source) => sum + source.tracks.length, 0);
    return { requests: fake.apiRequests().length - before, children: children.length, tracks, warnings };
  };
  for (const kind of ["my-playlists", "saved-albums", "followed-artists"] as const) {
    // Each source with its own cache, so one's cold figure does not borrow tracks another already fetched.
    const cache = createMemorySpotifyCache();
    const cold = await runOnce(kind, cache);
    const warm = await runOnce(kind, cache);
    console.log(
      `${kind.padEnd(17)} ${String(cold.children).padStart(3)} items, ${String(cold.tracks).padStart(4)} tracks: ` +
        `cold run ${cold.requests} requests, unchanged re-run ${warm.requests} requests` +
        (cold.warnings.length ? ` (${cold.warnings.length} warning line)` : ""),
    );
  }
} finally {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
