/** Parses musicdl.yaml with Bun's YAML parser and, when that fails, finds the line it failed on. */
import type { ConfigIssue } from "../errors.ts";

export type YamlParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issue: ConfigIssue };

export function parseYamlText(text: string): YamlParse {
  try {
    return { ok: true, value: Bun.YAML.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^YAML Parse error:\s*/i, "") : String(error);
    const line = findSyntaxErrorLine(text);
    return {
      ok: false,
      issue: {
        path: "",
        ...(line === undefined ? {} : { line }),
        message: `not valid YAML (${reason}). Check the indentation (spaces, not tabs), quotes and brackets on this line or just above it.`,
      },
    };
  }
}

/**
 * Bun.YAML reports no position, so parse growing prefixes of the file: the bad line is the first one after the
 * longest prefix that still parses. An unclosed quote or bracket thus points at the line where it opened.
 */
export function findSyntaxErrorLine(text: string): number | undefined {
  const lines = text.split(/\r?\n/);
  let lastGood = 0;
  for (let count = 1; count <= lines.length; count++) {
    if (parses(lines.slice(0, count).join("\n"))) lastGood = count;
  }
  // Skip blank and comment lines: the error is on the next line with content.
  for (let index = lastGood; index < lines.length; index++) {
    const content = lines[index]?.trim() ?? "";
    if (content && !content.startsWith("#")) return index + 1;
  }
  return undefined;
}

function parses(text: string): boolean {
  try {
    Bun.YAML.parse(text);
    return true;
  } catch {
    return false;
  }
}
