/** A track written again at another path (the library's `format:` changed): musicdl's earlier file for it goes. */
import { rmSync } from "node:fs";
import { removeEmptiedFolders } from "../library/empty-folders.ts";
import { lrcPathFor } from "../library/lrc.ts";
import type { LibraryIndex, LibraryRow, LyricsIndex } from "../store/index.ts";

/**
 * Records `row`, then deletes the file the index held for the same track at another path, so players do not list
 * the track twice — only while that file is exactly as musicdl wrote it (an edited one is the user's and stays).
 * Its `.lrc` goes with it when the new file's `.lrc` has another name; a same-named one is the new file's too. The
 * folders this empties (a changed template) go as well, up to `root`, the library folder.
 */
export function recordReplacing(library: LibraryIndex, lyrics: LyricsIndex, row: LibraryRow, root: string): void {
  const previous = library.isPresentAndComplete(row.trackKey);
  library.upsert(row);
  if (!previous.present || !previous.path || previous.path === row.path) return;
  rmSync(previous.path, { force: true });
  const lyricsRow = lyrics.get(row.trackKey);
  const oldLrc = lrcPathFor(previous.path);
  if (lyricsRow?.lrc?.path === oldLrc && oldLrc !== lrcPathFor(row.path) && lyrics.isLrcUnchanged(lyricsRow)) {
    rmSync(oldLrc, { force: true });
  }
  removeEmptiedFolders([previous.path], root);
}
