/** Reading one line of YAML text without a parser: where its comment starts, and its `key:` if it has one. */

/** Drops a `#` comment that starts the line or follows whitespace, outside quotes. */
export function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (quote) {
      if (char === "\\" && quote === '"') i++;
      else if (char === "'" && quote === "'" && raw[i + 1] === "'")
        i++; // '' is a quote inside '…'
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      // A quote opens a quoted scalar only at the start of a token (so `it's` is plain text).
      if (i === 0 || /[\s:[{,-]/.test(raw[i - 1] ?? "")) quote = char;
    } else if (char === "#" && (i === 0 || /\s/.test(raw[i - 1] ?? ""))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

/**
 * Splits `key: rest` into the unquoted key and the rest, or null when the line is not a map entry. Written as a
 * scan rather than one regex: backtracking over a 20 MB quoted value cost hundreds of megabytes.
 */
export function matchKey(content: string): { key: string; rest: string } | null {
  const first = content[0];
  if (first === '"' || first === "'") {
    const close = closingQuote(content, first);
    if (close < 0) return null;
    const after = /^\s*:(?:\s+|$)/.exec(content.slice(close + 1));
    return after
      ? { key: unquote(content.slice(0, close + 1)), rest: content.slice(close + 1 + after[0].length) }
      : null;
  }
  if (first === undefined || /[\s[{?]/.test(first) || (first === "-" && /^-(?:\s|$)/.test(content))) return null;
  const colon = /:(?:\s+|$)/.exec(content);
  if (!colon || colon.index === 0) return null;
  return { key: unquote(content.slice(0, colon.index)), rest: content.slice(colon.index + colon[0].length) };
}

/** Index of the quote that closes the one at 0 (`\"` escapes in "…", `''` in '…'), or -1. */
function closingQuote(content: string, quote: string): number {
  for (let i = 1; i < content.length; i++) {
    const char = content[i];
    if (quote === '"' && char === "\\") i++;
    else if (char === quote) {
      if (quote === "'" && content[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, "$1");
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}
