/** Unknown-key checks with a "did you mean" suggestion: origin versions ignored typos silently, so they did nothing. */
import type { YamlPath } from "./locate-lines.ts";
import type { Finding } from "./findings.ts";
import { editDistance } from "../util/edit-distance.ts";

/** The closest known key, if it is close enough to be a likely typo. */
export function suggestKey(unknown: string, known: readonly string[]): string | undefined {
  const lowered = unknown.toLowerCase().replace(/-/g, "_");
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(lowered, key);
    if (!best || distance < best.distance) best = { key, distance };
  }
  if (!best) return undefined;
  const tolerance = Math.max(2, Math.floor(best.key.length / 3));
  return best.distance <= tolerance ? best.key : undefined;
}

/** One finding per key of `value` that is not in `known`. */
export function findUnknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: YamlPath,
  where: string,
): Finding[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = suggestKey(key, known);
      const list = known.length <= 8 ? `Known keys: ${known.join(", ")}.` : "See docs/config.md for the keys.";
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ` ${list}`;
      return { path: [...path, key], message: `unknown key \`${key}\` ${where}.${hint}` };
    });
}
