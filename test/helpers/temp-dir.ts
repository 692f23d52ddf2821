/** The one throwaway folder for tests: made under the system temp folder, removed when the `using` scope ends. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TempDir extends Disposable {
  readonly path: string;
  /** Writes `text` to `relativePath` inside the folder (creating subfolders) and returns the absolute path. */
  write(relativePath: string, text: string): string;
}

/** `prefix` names the folder for whoever finds it left over; `base` puts it elsewhere (e.g. /dev/shm). */
export function createTempDir(prefix = "musicdl-test-", base = tmpdir()): TempDir {
  const path = mkdtempSync(join(base, prefix));
  return {
    path,
    write(relativePath, text) {
      const file = join(path, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }),
  };
}
