/** Runs ffmpeg/ffprobe: collects stdout, keeps the tail of stderr for error messages, and kills the process on abort. */

export interface ProcessResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The last lines of stderr, short enough for an error message: ffmpeg says what went wrong last. */
export function stderrTail(stderr: string, maxChars = 1000): string {
  const trimmed = stderr.trim();
  return trimmed.length <= maxChars ? trimmed : `…${trimmed.slice(-maxChars)}`;
}

/** Resolves when the process exits (any code); rejects with the signal's reason if it aborts first. */
export async function runProcess(argv: readonly string[], signal?: AbortSignal): Promise<ProcessResult> {
  signal?.throwIfAborted();
  const child = Bun.spawn([...argv], { stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  const kill = () => child.kill("SIGKILL");
  signal?.addEventListener("abort", kill, { once: true });
  try {
    const [stdout, stderr, exitCode] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.exited,
    ]);
    signal?.throwIfAborted();
    return { exitCode, stdout, stderr };
  } finally {
    signal?.removeEventListener("abort", kill);
  }
}
