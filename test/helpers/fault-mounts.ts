/**
 * Folders that fail the way real disks do, for the fault tests: as root (CI) a tmpfs mount — read-only, or a few
 * kilobytes small — and otherwise the nearest thing an ordinary user can make (a folder without write permission;
 * a tmpfs inside a private user and mount namespace via `unshare -rm`).
 */
import { chmodSync, mkdirSync } from "node:fs";

export const isRoot = process.getuid?.() === 0;

function run(command: string[]): void {
  const result = Bun.spawnSync(command, { stdout: "pipe", stderr: "pipe" });
  if (result.exitCode !== 0) throw new Error(`${command.join(" ")} failed: ${result.stderr.toString().trim()}`);
}

/**
 * `path` made unwritable: a read-only tmpfs mounted there as root (root ignores permission bits), else mode 0555.
 * Disposing undoes it.
 */
export function makeReadOnlyFolder(path: string): Disposable {
  mkdirSync(path, { recursive: true });
  if (isRoot) {
    run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path]);
    return { [Symbol.dispose]: () => run(["umount", path]) };
  }
  chmodSync(path, 0o555);
  return { [Symbol.dispose]: () => chmodSync(path, 0o755) };
}

/**
 * The command prefix that runs a program with a `sizeKb` tmpfs mounted on `path`. As root the mount is made here,
 * visible to the test, and disposed afterwards; otherwise the program runs in a private user and mount namespace
 * (`unshare -rm`) whose tmpfs is copied to `${path}.after` when it exits, so the test can still read what was left.
 */
export function tinyDisk(path: string, sizeKb: number): { prefix: string[]; after: string } & Disposable {
  mkdirSync(path, { recursive: true });
  if (isRoot) {
    run(["mount", "-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", path]);
    return { prefix: [], after: path, [Symbol.dispose]: () => run(["umount", path]) };
  }
  const after = `${path}.after`;
  mkdirSync(after, { recursive: true });
  const script = `mount -t tmpfs -o size=${sizeKb}k tmpfs "$0" && { "$@"; code=$?; cp -a "$0"/. "${after}"/; exit $code; }`;
  return { prefix: ["unshare", "-rm", "sh", "-c", script, path], after, [Symbol.dispose]: () => {} };
}
