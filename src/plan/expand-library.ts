/**
 * Replaces each entry a source expands (a library word like `saved-albums`, `followed-artists`, `my-playlists`) by
 * one entry per album, artist or playlist it stands for, once per run, before sources are resolved; a child the
 * user also listed by itself is read once, as that entry.
 */
import type { SourceEntry, SourceSection } from "../config/types.ts";
import type { SourceExpansion, SourcePlugin, SourceRef } from "../plugins/api.ts";
import { callSource } from "../plugins/call.ts";
import { describeSourceFailure, type FailedSource, stopsTheRun } from "./resolve-sources.ts";

/** What expanding needs of the plugin registry: the source (and its ref) that recognises a link. */
export interface SourceFinder {
  findSource(input: string): { plugin: SourcePlugin; ref: SourceRef } | null;
}

export interface ExpandedEntries {
  readonly entries: SourceEntry[];
  readonly failed: FailedSource[];
  readonly warnings: string[];
}

const SECTION_OF_CHILD: Readonly<Record<string, SourceSection>> = {
  album: "albums",
  artist: "artists",
  playlist: "playlists",
};

export async function expandLibraryEntries(
  entries: readonly SourceEntry[],
  sources: SourceFinder,
  signal: AbortSignal,
): Promise<ExpandedEntries> {
  const identityOf = (entry: SourceEntry) => {
    const ref = sources.findSource(entry.url)?.ref;
    return ref ? `${ref.kind}:${ref.id}` : entry.url;
  };
  const listed = new Set(entries.map(identityOf));
  const result: ExpandedEntries = { entries: [], failed: [], warnings: [] };
  const expansions = await Promise.all(
    entries.map(async (entry) => {
      const found = sources.findSource(entry.url);
      const expand = found?.plugin.expand?.bind(found.plugin);
      if (!found || !expand) return { entry, expansion: null, failure: undefined };
      try {
        const expansion: SourceExpansion | null = await callSource(found.plugin, "expand", () =>
          expand(found.ref, { signal }),
        );
        return { entry, expansion, failure: undefined };
      } catch (error) {
        if (stopsTheRun(error) || signal.aborted) throw error;
        return { entry, expansion: null, failure: describeSourceFailure(entry, error) };
      }
    }),
  );
  for (const outcome of expansions) {
    const { entry } = outcome;
    if (outcome.failure !== undefined) {
      result.failed.push({ entry, reason: outcome.failure });
      continue;
    }
    if (!outcome.expansion) {
      result.entries.push(entry);
      continue;
    }
    result.warnings.push(...outcome.expansion.warnings.map((warning) => `${entry.name ?? entry.url}: ${warning}`));
    for (const child of outcome.expansion.children) {
      const url = child.url;
      const identity = `${child.kind}:${child.id}`;
      if (listed.has(identity)) continue;
      listed.add(identity);
      result.entries.push({
        section: SECTION_OF_CHILD[child.kind]!,
        // Spotify's name labels the entry in logs and fills `{playlist}`, as a label written in the file would.
        ...(child.name ? { name: child.name } : {}),
        url,
        createM3u: entry.createM3u,
        ...(entry.line === undefined ? {} : { line: entry.line }),
        via: entry.url,
      });
    }
  }
  return result;
}
