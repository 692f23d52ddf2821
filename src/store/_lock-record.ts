/** What a library lock file holds, who wrote it, and whether its holder is gone: pure decisions plus two small reads. */
import { readFileSync, readlinkSync, statSync } from "node:fs";

/** Who holds a lock: enough to tell "this machine, this pid namespace, this boot" apart from everything else. */
export interface ProcessIdentity {
  readonly pid: number;
  readonly hostname: string;
  /** `pid:[4026531836]` on Linux: pids of another namespace (another container) mean nothing here. */
  readonly pidNamespace?: string;
  /** Changes at every boot: a pid from before a reboot is dead whatever runs under that number now. */
  readonly bootId?: string;
}

export interface LockRecord extends ProcessIdentity {
  readonly token: string;
  readonly startedAtMs: number;
  /** Refreshed while the holder runs; a lock whose heartbeat stopped is free after the stale interval. */
  readonly heartbeatAtMs: number;
}

export function processIdentity(pid: number, hostname: string): ProcessIdentity {
  const pidNamespace = readOrUndefined(() => readlinkSync("/proc/self/ns/pid"));
  const bootId = readOrUndefined(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim());
  return { pid, hostname, ...(pidNamespace ? { pidNamespace } : {}), ...(bootId ? { bootId } : {}) };
}

/**
 * The lock file's record; undefined when there is none. A file that cannot be read as a record (cut short by a crash
 * on a filesystem without hard links, or written by hand) counts as a holder last seen when the file was modified.
 */
export function readLockRecord(lockPath: string): LockRecord | undefined {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(lockPath).mtimeMs;
    text = readFileSync(lockPath, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockRecord>;
    if (typeof parsed.token === "string" && typeof parsed.pid === "number" && typeof parsed.hostname === "string") {
      return {
        ...parsed,
        token: parsed.token,
        pid: parsed.pid,
        hostname: parsed.hostname,
        startedAtMs: Number(parsed.startedAtMs) || mtimeMs,
        heartbeatAtMs: Number(parsed.heartbeatAtMs) || mtimeMs,
      };
    }
  } catch {
    // Not JSON: handled below.
  }
  return {
    token: `unreadable@${mtimeMs}`,
    pid: 0,
    hostname: "an unknown host",
    startedAtMs: mtimeMs,
    heartbeatAtMs: mtimeMs,
  };
}

/** Why `held` no longer holds the library, or undefined while it may still be running. */
export function staleReason(
  held: LockRecord,
  self: ProcessIdentity,
  nowMs: number,
  staleAfterMs: number,
): string | undefined {
  const silentMs = nowMs - held.heartbeatAtMs;
  if (silentMs >= staleAfterMs)
    return `musicdl pid ${held.pid} on ${held.hostname} that held it has given no sign of life for ${describeAge(silentMs)}`;
  if (!sameMachineAndNamespace(held, self)) return undefined;
  if (held.bootId && self.bootId && held.bootId !== self.bootId)
    return `musicdl pid ${held.pid} that held it ran before this machine restarted`;
  if (held.pid !== self.pid && !isProcessAlive(held.pid))
    return `musicdl pid ${held.pid} that held it is no longer running`;
  return undefined;
}

/** Only a holder on this host and in this pid namespace can be judged by its pid. */
function sameMachineAndNamespace(held: ProcessIdentity, self: ProcessIdentity): boolean {
  return held.hostname === self.hostname && held.pidNamespace === self.pidNamespace;
}

function isProcessAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** `45 s`, `3 min`, `2 h`: how long ago, for messages. */
export function describeAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function readOrUndefined(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
