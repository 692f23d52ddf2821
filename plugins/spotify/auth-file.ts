/** The user's Spotify login on disk: $XDG_CONFIG_HOME/musicdl/auth.json, mode 0600, written atomically. */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as v from "valibot";

const StoredAuthSchema = v.object({
  clientId: v.string(),
  refreshToken: v.pipe(v.string(), v.minLength(1)),
  scope: v.optional(v.string()),
  savedAt: v.optional(v.string()),
  /** The Spotify account's user id, learned on first use (never a secret). */
  userId: v.optional(v.string()),
});
export type StoredAuth = v.InferOutput<typeof StoredAuthSchema>;

/** The stored login, or null when there is none (or it is unreadable: then the user logs in again). */
export function readAuthFile(path: string): StoredAuth | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = v.safeParse(StoredAuthSchema, JSON.parse(text));
    // Registered as a secret by whoever uses it (the token provider), through its context.
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Temp file beside the target, 0600 from creation, then rename: a crash never leaves a half-written login. */
export function writeAuthFile(path: string, auth: StoredAuth): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(auth, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600); // the umask may have narrowed or the file may have existed
  renameSync(temp, path);
}

/** Removes the stored login; says whether there was one. */
export function removeAuthFile(path: string): boolean {
  const existed = readAuthFile(path) !== null;
  rmSync(path, { force: true });
  return existed;
}
