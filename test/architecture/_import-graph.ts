/** The import graph of `src/` and `plugins/` as written: every `import`/`export … from`, type-only and `import()` too. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dir, "..", "..");

/** Repository-relative file → the repository files it imports (packages and `node:` modules left out). */
export function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
    const imports = ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles;
    const targets = imports.flatMap(({ fileName }) => {
      const target = resolveLocal(fileName, file);
      return target ? [relative(ROOT, target)] : [];
    });
    graph.set(relative(ROOT, file), [...new Set(targets)]);
  }
  return graph;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Relative specifiers and the `musicdl/plugin` alias; anything else is a package. */
function resolveLocal(specifier: string, from: string): string | null {
  if (specifier === "musicdl/plugin") return join(ROOT, "src", "plugins", "api.ts");
  if (!specifier.startsWith(".")) return null;
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target, `${target}.ts`, join(target, "index.ts")]) {
    if (existsSync(candidate) && candidate.endsWith(".ts")) return candidate;
  }
  return target;
}

/** Every strongly connected group of two or more files (or a file importing itself): each holds a cycle. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative: a deep chain of imports must not overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.node);
      if (group.length > 1 || edges.includes(frame.node)) groups.push(group.sort());
    }
  }
  return groups;
}
