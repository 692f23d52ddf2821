/**
 * Checks, before a run fetches anything, that a folder it will write into can be created and written: a read-only
 * library or temp folder used to surface only after every track was downloaded, as one failure per track.
 */
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";

export interface FolderToCheck {
  /** What the folder is, as the user knows it: "library folder", "download scratch folder". */
  readonly role: string;
  readonly path: string;
  /** One sentence: how to point musicdl at another folder. */
  readonly fix: string;
}

/** Creates `folder.path` if needed and writes (then removes) a probe file there; throws a UsageError (exit 2) if not. */
export function assertWritableFolder(folder: FolderToCheck): void {
  const probe = join(folder.path, `.musicdl-write-check-${process.pid}`);
  try {
    mkdirSync(folder.path, { recursive: true });
    closeSync(openSync(probe, "w"));
  } catch (error) {
    throw new UsageError(`cannot write to the ${folder.role} ${folder.path} (${reasonOf(error)}).`, {
      hint: folder.fix,
      cause: error,
    });
  }
  rmSync(probe, { force: true });
}

function reasonOf(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const known: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENOTDIR: "a file is in the way of the folder",
    EEXIST: "a file is in the way of the folder",
  };
  return known[code] ?? (error instanceof Error ? error.message : String(error));
}
