/**
 * `--prune`: deletes files musicdl itself wrote (they are in the library index) for tracks the plan no longer lists,
 * and the M3U files of sources the config no longer lists.
 */
import { rm } from "node:fs/promises";
import type { LibraryIndex, LyricsIndex, PlaylistFileRow, PlaylistIndex } from "../store/index.ts";
import type { PlanItem } from "./model.ts";
import { trackKey } from "../plugins/track-key.ts";

/**
 * Compares the library index with the current plan rather than with the previous plan, so tracks an earlier run
 * only reported (without `--prune`, or interrupted) are still pruned later. Each track's `.lrc` file goes with it
 * (see {@link pruneUnlistedLyrics}). Returns the deleted audio paths.
 */
export async function pruneUnlisted(
  items: readonly PlanItem[],
  library: LibraryIndex,
  lyrics?: LyricsIndex,
): Promise<string[]> {
  const listed = new Set(items.flatMap((item) => (item.kind === "track" ? [trackKey(item.track)] : [])));
  // A path the plan still uses stays, whoever's id it is indexed under (the plan counts it as present).
  const targets = new Set(items.map((item) => item.target));
  const pruned: string[] = [];
  for (const row of library.all()) {
    if (listed.has(row.trackKey) || targets.has(row.path)) continue;
    // Only a file unchanged since musicdl wrote it: never a user's own (or since edited) file.
    const presence = library.isPresentAndComplete(row.trackKey);
    if (!presence.present || !presence.path) continue;
    await rm(presence.path, { force: true });
    library.remove(row.trackKey);
    pruned.push(presence.path);
  }
  if (lyrics) await pruneUnlistedLyrics(items, lyrics, library);
  return pruned;
}

/**
 * M3U files recorded for sources the plan no longer has: `deletable` are still on disk as musicdl left them;
 * `forgotten` were edited or deleted since (the user's now), or share a path the plan still writes.
 */
function sortUnlistedPlaylists(items: readonly PlanItem[], playlists: PlaylistIndex) {
  const listed = new Set(items.flatMap((item) => (item.kind === "m3u" ? [item.id] : [])));
  // A playlist renamed to another's old name shares the path: the file is the current one's now.
  const targets = new Set(items.map((item) => item.target));
  const deletable: PlaylistFileRow[] = [];
  const forgotten: PlaylistFileRow[] = [];
  for (const row of playlists.all()) {
    if (listed.has(row.itemId)) continue;
    (!targets.has(row.path) && playlists.isUnchanged(row) ? deletable : forgotten).push(row);
  }
  return { deletable, forgotten };
}

/** M3U files musicdl wrote for sources the plan no longer has, still on disk as musicdl left them. */
export function unlistedPlaylists(items: readonly PlanItem[], playlists: PlaylistIndex): PlaylistFileRow[] {
  return sortUnlistedPlaylists(items, playlists).deletable;
}

/** Deletes the M3U files of sources no longer listed and forgets every such record. Returns the deleted paths. */
export async function pruneUnlistedPlaylists(items: readonly PlanItem[], playlists: PlaylistIndex): Promise<string[]> {
  const { deletable, forgotten } = sortUnlistedPlaylists(items, playlists);
  for (const row of deletable) await rm(row.path, { force: true });
  for (const row of [...deletable, ...forgotten]) playlists.remove(row.itemId);
  return deletable.map((row) => row.path);
}

/**
 * The `.lrc` files of tracks the plan no longer lists whose audio is gone from the library index (just pruned, or
 * forgotten), when still as musicdl wrote them: an edited one is the user's now and stays, and a track kept
 * because the user edited its audio keeps its `.lrc` too. Their records are forgotten. Returns the deleted paths.
 */
export async function pruneUnlistedLyrics(
  items: readonly PlanItem[],
  lyrics: LyricsIndex,
  library: Pick<LibraryIndex, "get">,
): Promise<string[]> {
  const listed = new Set(items.flatMap((item) => (item.kind === "track" ? [trackKey(item.track)] : [])));
  const pruned: string[] = [];
  for (const row of lyrics.all()) {
    if (listed.has(row.trackKey) || library.get(row.trackKey)) continue;
    if (row.lrc && lyrics.isLrcUnchanged(row)) {
      await rm(row.lrc.path, { force: true });
      pruned.push(row.lrc.path);
    }
    lyrics.remove(row.trackKey);
  }
  return pruned;
}
