/**
 * The release binary (`bun build src/main.ts --compile --minify`, as `bun run build` makes it), built once per test
 * run and hard-linked into each test's folder: a test can then put `plugins/` beside "its" binary, and the compiled
 * binary (which finds itself via /proc/self/exe) looks there, not beside a copy another test uses.
 */
import { linkSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");
let built: Promise<string> | undefined;

async function build(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "musicdl-binary-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, "musicdl");
  const proc = Bun.spawn(
    [process.execPath, "build", ENTRY, "--compile", "--minify", "--bytecode", "--format=esm", "--outfile", outfile],
    {
      stdout: "pipe",
      stderr: "pipe",
    },
  );
  const [stderr, exitCode] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
  if (exitCode !== 0) throw new Error(`bun build --compile failed: ${stderr}`);
  return outfile;
}

/** Path of this run's compiled binary (built on first call). */
export function compiledBinary(): Promise<string> {
  built ??= build();
  return built;
}

/** Puts the compiled binary at `<dir>/musicdl` (a hard link: no 100 MB copy) and returns that path. */
export async function installCompiledBinary(dir: string): Promise<string> {
  const source = await compiledBinary();
  mkdirSync(dir, { recursive: true });
  const target = join(dir, "musicdl");
  linkSync(source, target);
  return target;
}
