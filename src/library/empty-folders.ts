/** After musicdl deletes a file it wrote: the folders that deletion left empty go too, up to the library folder. */
import { rmdirSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";

/**
 * Removes each deleted file's parent folder while it is empty and inside `root` (never `root` itself). `rmdir`
 * refuses a folder holding anything, so a folder with a file of the user's (or another album) always stays.
 */
export function removeEmptiedFolders(deletedFiles: readonly string[], root: string): void {
  const libraryRoot = resolve(root);
  // Deepest first, so a parent is tried after every child folder that could empty it.
  const folders = [...new Set(deletedFiles.map((file) => dirname(resolve(file))))].sort((a, b) => b.length - a.length);
  for (const start of folders) {
    for (let folder = start; isInside(folder, libraryRoot); folder = dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // not empty (or already gone, or not ours to remove): its parents are not empty either
      }
    }
  }
}

function isInside(folder: string, root: string): boolean {
  const inside = relative(root, folder);
  return inside !== "" && !inside.startsWith(`..${sep}`) && inside !== ".." && !inside.startsWith(sep);
}
