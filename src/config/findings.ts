/** A problem or warning found while reading the file, before it gets its line; and how YAML paths are printed. */
import type { YamlPath } from "./locate-lines.ts";

export interface Finding {
  readonly path: YamlPath;
  readonly message: string;
}

/** `["playlists", 2, "url"]` → `playlists[2].url`; keys that are not plain words are quoted: `playlists["planet namek"]`. */
export function formatYamlPath(path: YamlPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a value is shown inside a message: short, and never a whole object. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  // Cut before quoting: a 20 MB string must not be copied whole just to print its start.
  const text = JSON.stringify(typeof value === "string" && value.length > 60 ? value.slice(0, 60) : value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Text the user wrote, quoted for a message and cut to `max` characters (a pasted blob stays readable). */
export function quoteText(text: string, max = 100): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
