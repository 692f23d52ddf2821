/** `--prune`: deletes files musicdl itself wrote (they are in the library index) for tracks no source lists. */
import { rm } from "node:fs/promises";
import type { LibraryIndex } from "../store/index.ts";
import type { TrackPlanItem } from "./model.ts";

export async function pruneRemoved(removed: readonly TrackPlanItem[], library: LibraryIndex): Promise<number> {
  let pruned = 0;
  for (const item of removed) {
    // Only a file the index says we wrote, unchanged since: never a user's own (or since edited) file.
    const presence = library.isPresentAndComplete(item.track.spotifyId);
    if (!presence.present || !presence.path) continue;
    await rm(presence.path, { force: true });
    library.remove(item.track.spotifyId);
    pruned++;
  }
  return pruned;
}
