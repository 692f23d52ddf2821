/** Where downloads in progress live: one folder per library and store under the system temp folder. */
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The same folder on every run: a run that was interrupted or killed leaves its partial downloads for the next one
 * to resume instead of fetching them again. Under TMPDIR, so a read-only /tmp is fixed by pointing TMPDIR elsewhere.
 */
export function scratchDirOf(libraryKey: string, cachePath: string): string {
  const hasher = new Bun.CryptoHasher("sha1");
  hasher.update(`${cachePath}\n${libraryKey}`);
  const user = process.getuid?.() ?? "user";
  return join(tmpdir(), `musicdl-${user}-downloads-${hasher.digest("hex").slice(0, 12)}`);
}
