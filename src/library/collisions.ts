/** Gives different tracks that would land on the same file distinct names, the same way on every run. */
import { basename, dirname, join } from "node:path";
import { withSuffixBeforeExtension } from "./sanitize.ts";

export interface PlannedPath {
  /** The track's stable id (`track:<source>:<id>`). */
  readonly id: string;
  /** Absolute target path from renderTargetPath. */
  readonly path: string;
}

/**
 * How a filesystem that ignores case and Unicode form sees a path. macOS (APFS, HFS+) and Windows (NTFS) are
 * case-insensitive by default, so `Song.mp3` and `song.mp3` are one file there. Upper-then-lower folds `ß` to `ss`
 * as those filesystems do; folding a little too much only costs a harmless ` (2)`.
 */
export function pathCollisionKey(path: string): string {
  return path.normalize("NFC").toUpperCase().toLowerCase();
}

const byId = (a: PlannedPath, b: PlannedPath) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Final path per id. Within each group of colliding paths the smallest id keeps the name and the others get
 * ` (2)`, ` (3)`… before the extension, skipping names another track already uses. Depends only on the set of
 * items, not their order, so a re-run finds the files where it left them. Repeated ids keep their first path.
 *
 * @example
 * disambiguatePaths([{ id: "b", path: "/m/Song.mp3" }, { id: "a", path: "/m/song.mp3" }])
 * // Map { "a" → "/m/song.mp3", "b" → "/m/Song (2).mp3" }
 */
export function disambiguatePaths(items: readonly PlannedPath[]): Map<string, string> {
  const unique = new Map<string, PlannedPath>();
  for (const item of items) if (!unique.has(item.id)) unique.set(item.id, item);
  const sorted = [...unique.values()].sort(byId);

  const result = new Map<string, string>();
  const taken = new Set<string>();
  const losers: PlannedPath[] = [];
  for (const item of sorted) {
    const key = pathCollisionKey(item.path);
    if (taken.has(key)) {
      losers.push(item);
      continue;
    }
    taken.add(key);
    result.set(item.id, item.path);
  }
  // Every original path is claimed before any suffix is handed out, so `Song (2).mp3` of a track really titled
  // "Song (2)" is never taken from it.
  for (const item of losers) {
    for (let counter = 2; ; counter++) {
      const candidate = join(dirname(item.path), withSuffixBeforeExtension(basename(item.path), ` (${counter})`));
      const key = pathCollisionKey(candidate);
      if (taken.has(key)) continue;
      taken.add(key);
      result.set(item.id, candidate);
      break;
    }
  }
  return new Map(
    items.filter((item) => result.has(item.id)).map((item) => [item.id, result.get(item.id) ?? item.path]),
  );
}
