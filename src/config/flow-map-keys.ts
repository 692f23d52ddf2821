/** Keys written twice in a one-line flow map (`{ name: a, url: b, name: c }`), which Bun.YAML also keeps the last of. */

/** The repeated keys of the outermost `{…}` on `content` (nested maps and lists are skipped); [] when none. */
export function repeatedFlowKeys(content: string): string[] {
  if (!content.startsWith("{")) return [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const entry of topLevelEntries(content)) {
    const colon = entry.search(/:(\s|$)/);
    if (colon <= 0) continue;
    const key = unquote(entry.slice(0, colon).trim());
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

/** Splits the inside of the outer braces at commas that are not inside quotes or nested brackets. */
function topLevelEntries(content: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 1;
  for (let i = 0; i < content.length; i++) {
    const char = content[i]!;
    if (quote) {
      if (char === "\\" && quote === '"') i++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) {
        entries.push(content.slice(start, i));
        return entries;
      }
    } else if (char === "," && depth === 1) {
      entries.push(content.slice(start, i));
      start = i + 1;
    }
  }
  return []; // not closed on this line: a multi-line flow map is left to Bun.YAML
}

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1);
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}
