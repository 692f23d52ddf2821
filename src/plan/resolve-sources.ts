/**
 * Resolves every source entry into tracks, in parallel up to a limit. A source that fails (not found, withheld
 * playlist) fails alone and is reported; errors that stop the whole run (rate limit, auth, interrupt) propagate.
 */
import pLimit from "p-limit";
import type { SourceEntry } from "../config/types.ts";
import { describeCauseWithoutSource, EXIT, MusicdlError } from "../errors.ts";
import type { ResolvedSource } from "../plugins/api.ts";
import type { ResolvedEntry } from "./build-plan.ts";

export type ResolveEntry = (entry: SourceEntry, signal: AbortSignal) => Promise<ResolvedSource>;

export interface FailedSource {
  readonly entry: SourceEntry;
  readonly reason: string;
}

export interface GeneratedSources {
  readonly resolved: ResolvedEntry[];
  readonly failed: FailedSource[];
  readonly warnings: string[];
}

export async function resolveSources(
  entries: readonly SourceEntry[],
  resolveEntry: ResolveEntry,
  options: { concurrency: number; signal: AbortSignal },
): Promise<GeneratedSources> {
  const limit = pLimit(Math.max(1, options.concurrency));
  const results = await Promise.all(
    entries.map((entry) =>
      limit(async (): Promise<ResolvedEntry | FailedSource> => {
        options.signal.throwIfAborted();
        try {
          return { entry, source: await resolveEntry(entry, options.signal) };
        } catch (error) {
          if (stopsTheRun(error) || options.signal.aborted) throw error;
          return { entry, reason: describeSourceFailure(entry, error) };
        }
      }),
    ),
  );
  const resolved = results.filter((r): r is ResolvedEntry => "source" in r);
  const failed = results.filter((r): r is FailedSource => "reason" in r);
  const warnings = resolved.flatMap(({ entry, source }) => {
    // A nameless source (Spotify sent "") is named by its link; a warning that names it already is not prefixed.
    const label = entry.name?.trim() || source.name.trim() || entry.url;
    return source.warnings.map((warning) =>
      warning.includes(label) || warning.includes(linkOf(entry)) ? warning : `${label}: ${warning}`,
    );
  });
  return { resolved, failed, warnings };
}

/** Rate limits and auth problems end the run with exit 3 (resume later); usage errors with exit 2. */
export function stopsTheRun(error: unknown): boolean {
  return error instanceof MusicdlError && (error.exitCode === EXIT.RESUME_LATER || error.exitCode === EXIT.USAGE);
}

/** One line naming the source once: its link and line, then the cause (without the link the client put first). */
export function describeSourceFailure(entry: SourceEntry, error: unknown): string {
  const cause = describeCauseWithoutSource(error);
  const line = entry.line === undefined ? "" : `line ${entry.line}`;
  // A cause that quotes the link already (a withheld playlist) gets only the line in front.
  const where = cause.includes(linkOf(entry)) ? line : [entry.url, line && `(${line})`].filter(Boolean).join(" ");
  const hint = error instanceof MusicdlError && error.hint ? ` ${error.hint}` : "";
  return `${where ? `${where}: ` : ""}${cause}${hint}`;
}

/** The entry's link without its query (`?si=…`), as messages quote it. */
function linkOf(entry: SourceEntry): string {
  return entry.url.split("?")[0] ?? entry.url;
}
