/** Spawns the real CLI entry (src/main.ts under bun) and collects its output. */
import { join } from "node:path";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");

export interface RunCliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Run this executable instead of `bun src/main.ts` (e.g. the compiled binary). */
  executable?: string;
}

export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  const command = options.executable ? [options.executable, ...args] : [process.execPath, ENTRY, ...args];
  const proc = Bun.spawn(command, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env } as Record<string, string>,
    stdin: options.stdin === undefined ? "ignore" : new TextEncoder().encode(options.stdin),
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { exitCode, stdout, stderr };
}
