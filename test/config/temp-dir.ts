/** A throwaway folder for one test, removed by `using`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TempDir extends Disposable {
  readonly path: string;
  /** Writes `text` to `name` inside the folder (creating subfolders) and returns the absolute path. */
  write(name: string, text: string): string;
}

export function createTempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), "musicdl-config-"));
  return {
    path,
    write(name, text) {
      const file = join(path, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    [Symbol.dispose]() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
