/** Test helpers: throwaway plugin folders and plugin source text, as an author would write them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TempDir extends Disposable {
  readonly path: string;
  /** Writes `text` to `relativePath` inside the folder and returns the absolute path. */
  write(relativePath: string, text: string): string;
}

export function createTempDir(prefix = "musicdl-plugins-"): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
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

/** A minimal valid provider module; `body` adds object fields, `prelude` runs in the factory. */
export function providerSource(name: string, options: { body?: string; prelude?: string } = {}): string {
  return `import type { PluginContext, ProviderPlugin } from "musicdl/plugin";
export default (ctx: PluginContext) => {
  ${options.prelude ?? ""}
  return {
    apiVersion: 1,
    kind: "provider",
    name: ${JSON.stringify(name)},
    version: "1.2.3",
    async search() { return []; },
    async download() { throw new Error("not in tests"); },
    ${options.body ?? ""}
  } satisfies ProviderPlugin;
};
`;
}
