/** Where the store lives when the config does not say: the XDG cache dir. */
import { homedir } from "node:os";
import { join } from "node:path";

/** `$XDG_CACHE_HOME/musicdl/musicdl.sqlite`, or `~/.cache/musicdl/musicdl.sqlite` when XDG_CACHE_HOME is unset
 * or relative (the XDG spec says to ignore relative values). */
export function defaultCachePath(env: Record<string, string | undefined> = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg?.startsWith("/") ? xdg : join(env.HOME || homedir(), ".cache");
  return join(base, "musicdl", "musicdl.sqlite");
}
