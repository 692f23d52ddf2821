/** A temp folder removed when the test's `using` scope ends. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function createTempDir(base = tmpdir()): { readonly path: string } & Disposable {
  const path = mkdtempSync(join(base, "musicdl-library-"));
  return { path, [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }) };
}
