/** `--prune`: deletes files musicdl itself wrote (they are in the library index) for tracks the plan no longer lists. */
import { rm } from "node:fs/promises";
import type { LibraryIndex } from "../store/index.ts";
import type { PlanItem } from "./model.ts";

/**
 * Compares the library index with the current plan rather than with the previous plan, so tracks an earlier run
 * only reported (without `--prune`, or interrupted) are still pruned later. Returns the deleted paths.
 */
export async function pruneUnlisted(items: readonly PlanItem[], library: LibraryIndex): Promise<string[]> {
  const listed = new Set(items.flatMap((item) => (item.kind === "track" ? [item.track.spotifyId] : [])));
  // A path the plan still uses stays, whoever's id it is indexed under (the plan counts it as present).
  const targets = new Set(items.map((item) => item.target));
  const pruned: string[] = [];
  for (const row of library.all()) {
    if (listed.has(row.spotifyId) || targets.has(row.path)) continue;
    // Only a file unchanged since musicdl wrote it: never a user's own (or since edited) file.
    const presence = library.isPresentAndComplete(row.spotifyId);
    if (!presence.present || !presence.path) continue;
    await rm(presence.path, { force: true });
    library.remove(row.spotifyId);
    pruned.push(presence.path);
  }
  return pruned;
}
