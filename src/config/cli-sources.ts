/** Turns the SOURCES given on the command line into source entries; they replace the file's lists for that run. */
import type { ConfigIssue } from "../errors.ts";
import type { SourceEntry } from "./types.ts";
import { checkLink, type LinkSources, NO_LINK_SOURCES } from "./source-links.ts";

export interface CliSourcesResult {
  readonly entries: SourceEntry[];
  readonly issues: ConfigIssue[];
}

/** Each argument's kind decides its section; a playlist writes an M3U as it would from the file. */
export function readCliSources(sources: readonly string[], links: LinkSources = NO_LINK_SOURCES): CliSourcesResult {
  const entries: SourceEntry[] = [];
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    const check = checkLink(source, undefined, links);
    if (!check.ok) {
      issues.push({ path: `SOURCES[${index + 1}]`, message: check.message });
      return;
    }
    if (seen.has(check.identity)) return;
    seen.add(check.identity);
    const createM3u = check.section === "playlists" || check.section === "my-playlists";
    entries.push({ section: check.section, url: source.trim(), createM3u });
  });
  return { entries, issues };
}
