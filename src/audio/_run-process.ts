/**
 * Runs ffmpeg/ffprobe: collects stdout, keeps the tail of stderr for error messages, kills the process on abort or
 * when it stops making progress, and never lets one outlive musicdl.
 */
import type { Subprocess } from "bun";
import { MusicdlError } from "../errors.ts";

export interface ProcessResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunProcessOptions {
  readonly signal?: AbortSignal;
  /** Kill the process when it makes no progress for this long (no deadline when absent). */
  readonly stallMs?: number;
  /**
   * Whether a piece of stdout shows progress. By default any output does; ffmpeg's `-progress` blocks count only
   * when its position moved, so an ffmpeg that keeps reporting the same time is still stalled.
   */
  readonly isProgress?: (stdoutChunk: string) => boolean;
  /** What the process was doing, for the stall message: `converting song.webm to mp3`. */
  readonly doing?: string;
}

/** How long ffmpeg or ffprobe may go without progress before it is stopped (`download.ffmpeg_stall_timeout`). */
export const DEFAULT_STALL_MS = 60_000;

/** A process stopped because it made no progress for `stallMs`. */
export class StalledProcessError extends MusicdlError {}

/** The last lines of stderr, short enough for an error message: ffmpeg says what went wrong last. */
export function stderrTail(stderr: string, maxChars = 1000): string {
  const trimmed = stderr.trim();
  return trimmed.length <= maxChars ? trimmed : `…${trimmed.slice(-maxChars)}`;
}

/** Children alive right now: killed when musicdl exits for any reason (a second Ctrl-C, a crash, process.exit). */
const liveChildren = new Set<Subprocess>();
let exitHookInstalled = false;

function track(child: Subprocess): void {
  liveChildren.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const live of liveChildren) live.kill("SIGKILL");
  });
}

/** Resolves when the process exits (any code); rejects with the signal's reason if it aborts first. */
export async function runProcess(argv: readonly string[], options: RunProcessOptions = {}): Promise<ProcessResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const child = Bun.spawn([...argv], { stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  track(child);
  let stalled = false;
  const kill = () => child.kill("SIGKILL");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armStallTimer = () => {
    if (options.stallMs === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      kill();
    }, options.stallMs);
  };
  signal?.addEventListener("abort", kill, { once: true });
  armStallTimer();
  try {
    const output = Promise.all([
      readAll(child.stdout, (chunk) => {
        if (options.isProgress ? options.isProgress(chunk) : true) armStallTimer();
      }),
      readAll(child.stderr, () => {
        if (!options.isProgress) armStallTimer();
      }),
    ]);
    const exitCode = await child.exited;
    // A killed process's pipes can stay open in a grandchild it left behind; do not wait for those.
    const killed = stalled || signal?.aborted === true;
    const [stdout, stderr] = killed
      ? await Promise.race([output, Bun.sleep(500).then((): [string, string] => ["", ""])])
      : await output;
    signal?.throwIfAborted();
    if (stalled) throw stallError(argv, options);
    return { exitCode, stdout, stderr };
  } finally {
    clearTimeout(timer);
    liveChildren.delete(child);
    signal?.removeEventListener("abort", kill);
  }
}

function stallError(argv: readonly string[], options: RunProcessOptions): StalledProcessError {
  const program = argv[0]?.split("/").at(-1) ?? "the process";
  const seconds = Math.round((options.stallMs ?? 0) / 100) / 10;
  const doing = options.doing ? ` ${options.doing}` : "";
  return new StalledProcessError(`${program} made no progress for ${seconds} s${doing}, so it was stopped.`, {
    hint: "The item is retried on the next run; download.ffmpeg_stall_timeout sets how long to wait.",
  });
}

async function readAll(stream: ReadableStream<Uint8Array>, onChunk: (text: string) => void): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const bytes of stream) {
    const chunk = decoder.decode(bytes, { stream: true });
    text += chunk;
    onChunk(chunk);
  }
  return text + decoder.decode();
}

/**
 * Reads ffmpeg's `-progress` output (`key=value` lines, one block every half second) and says whether a chunk moved
 * the position: a new `out_time_us` or `total_size`, or the final `progress=end`.
 */
export function createFfmpegProgressReader(): (chunk: string) => boolean {
  const last = new Map<string, string>();
  let partial = "";
  return (chunk) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    let moved = false;
    for (const line of lines) {
      const [key, value] = line.trim().split("=", 2);
      if (key === "progress" && value === "end") moved = true;
      if ((key === "out_time_us" || key === "total_size") && value !== undefined && last.get(key) !== value) {
        last.set(key, value);
        moved = true;
      }
    }
    return moved;
  };
}
