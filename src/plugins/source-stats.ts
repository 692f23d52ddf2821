/** The sources' run counters for `--json` and `--debug`, each under its plugin's name (`{ spotify: { requests… } }`). */
import { log } from "../log.ts";
import type { SourcePlugin } from "./api.ts";

export function sourceStats(sources: readonly SourcePlugin[]): Record<string, Readonly<Record<string, number>>> {
  return Object.fromEntries(sources.flatMap((source) => (source.stats ? [[source.name, source.stats()]] : [])));
}

/** `--debug`: one line per source, `spotify: {"requests":…}`. */
export function logSourceStats(sources: readonly SourcePlugin[]): void {
  for (const [name, stats] of Object.entries(sourceStats(sources))) log.debug(`${name}: ${JSON.stringify(stats)}`);
}
