/** Every `--json` document musicdl prints: snake_case keys and the schema version docs/json.md describes. */

/** Raised when a field is renamed or removed, or changes meaning; new fields alone do not raise it. */
export const JSON_SCHEMA_VERSION = 1;

/** `body` with snake_case keys at every depth, after `schema_version`. */
export function jsonDocument(body: object): Record<string, unknown> {
  const converted = snakeCaseKeys(body) as Record<string, unknown>;
  // The document's own version must not be shadowed by a field of the body (the store has a schema version too).
  if ("schema_version" in converted) throw new TypeError("a --json body cannot carry its own schema_version");
  return { schema_version: JSON_SCHEMA_VERSION, ...converted };
}

/** Plain objects' keys from camelCase to snake_case, recursively; values and array order untouched. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [snakeCase(key), snakeCaseKeys(inner)]));
}

/** `waitedS` → `waited_s`, `m3uFiles` → `m3u_files`; kebab-case and snake_case keys stay as they are. */
function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}
