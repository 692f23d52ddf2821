/**
 * A spawned `musicdl` that a fault test can kill mid-run, optionally inside its own UTS and pid namespaces (another
 * host name, pid 1), as a run in a container is; plus a bounded wait for a condition the test polls.
 */
import { join } from "node:path";

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");

/** True when this machine lets us create namespaces (root with unshare(1)), as CI does. */
export function canRunInContainer(): boolean {
  if (process.getuid?.() !== 0 || !Bun.which("unshare")) return false;
  const probe = Bun.spawnSync(["unshare", "-u", "-p", "-f", "--mount-proc", "true"]);
  return probe.exitCode === 0;
}

export interface SpawnedMusicdl {
  readonly proc: Bun.Subprocess<"ignore", "pipe", "pipe">;
  /** Resolves with exit code, stdout and stderr once it ended. */
  result(): Promise<{ exitCode: number | null; stdout: string; stderr: string }>;
}

/**
 * `musicdl <args>`. `container`: run as pid 1 of a new pid namespace with this host name; SIGKILL to the returned
 * process then kills the run too (`unshare --kill-child`), as an OOM-kill of a container does.
 */
export function spawnMusicdl(
  args: string[],
  options: { env: Record<string, string>; cwd: string; container?: string; timeoutMs?: number },
): SpawnedMusicdl {
  const musicdl = [process.execPath, ENTRY, ...args];
  const command = options.container
    ? [
        "unshare",
        "-u",
        "-p",
        "-f",
        "--mount-proc",
        "--kill-child=SIGKILL",
        "sh",
        "-c",
        `hostname ${options.container} && exec "$@"`,
        "sh",
        ...musicdl,
      ]
    : musicdl;
  const proc = Bun.spawn(command, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
    ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: "SIGKILL" } : {}),
  });
  const output = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return {
    proc,
    async result() {
      const [stdout, stderr, exitCode] = await output;
      return { exitCode: proc.signalCode ? null : exitCode, stdout, stderr };
    },
  };
}

/** Polls `condition` every 25 ms until it holds; throws after `timeoutMs` naming `what`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(25);
  }
}
