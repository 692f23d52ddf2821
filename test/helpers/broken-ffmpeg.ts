/**
 * Stand-in ffmpeg executables for the fault tests (MUSICDL_FFMPEG): each records its pid in `<dir>/pids` and then
 * hangs the way a broken ffmpeg does — silent, or repeating the same progress forever. Anything that is not a
 * conversion (no `-i` in its arguments: `-version`, `-encoders`) is handed to the real ffmpeg.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Hang = "silent" | "same-progress";

const HANGS: Record<Hang, string> = {
  // exec: the pid recorded is the process that hangs, so the test can tell whether it was killed.
  silent: "exec sleep 3600",
  "same-progress": 'while :; do printf "out_time_us=0\\ntotal_size=0\\nprogress=continue\\n"; sleep 0.2; done',
};

/** Writes `<dir>/ffmpeg` and returns its path and a reader of the pids it recorded. */
export function writeHangingFfmpeg(dir: string, hang: Hang): { path: string; pids(): number[] } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "ffmpeg");
  const pidFile = join(dir, "pids");
  const real = Bun.which("ffmpeg") ?? "ffmpeg";
  writeFileSync(
    path,
    `#!/bin/sh\ncase " $* " in\n  *" -i "*) echo $$ >> "${pidFile}"; ${HANGS[hang]} ;;\n  *) exec "${real}" "$@" ;;\nesac\n`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    pids: () => (existsSync(pidFile) ? readFileSync(pidFile, "utf8").split("\n").filter(Boolean).map(Number) : []),
  };
}

/** Whether a process with this pid still runs (a zombie — dead, not yet reaped — counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}
