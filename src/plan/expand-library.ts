/**
 * Replaces each library keyword entry (`saved-albums`, `followed-artists`, `my-playlists`) by one entry per album,
 * artist or playlist it stands for, once per run, before sources are resolved; a child the user also listed
 * by itself is read once, as that entry.
 */
import type { SourceEntry, SourceSection } from "../config/types.ts";
import type { LibraryExpansion } from "../spotify/client.ts";
import { isLibraryKind, type LibraryKind, parseSpotifyUrl, spotifyUrlOf } from "../spotify/url.ts";
import { describeSourceFailure, type FailedSource, stopsTheRun } from "./resolve-sources.ts";

export type ExpandLibrary = (kind: LibraryKind, signal: AbortSignal) => Promise<LibraryExpansion>;

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
  expand: ExpandLibrary,
  signal: AbortSignal,
): Promise<ExpandedEntries> {
  const listed = new Set(entries.map(identityOf));
  const result: ExpandedEntries = { entries: [], failed: [], warnings: [] };
  const expansions = await Promise.all(
    entries.map(async (entry) => {
      const kind = parseSpotifyUrl(entry.url)?.kind;
      if (!kind || !isLibraryKind(kind)) return { entry, expansion: null, failure: undefined };
      try {
        return { entry, expansion: await expand(kind, signal), failure: undefined };
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
      const url = spotifyUrlOf(child.kind, child.id);
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

function identityOf(entry: SourceEntry): string {
  const ref = parseSpotifyUrl(entry.url);
  return ref ? `${ref.kind}:${ref.id}` : entry.url;
}
