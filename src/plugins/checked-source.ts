/** Checks a source plugin's answer before the core keys anything on it. */
import type { ResolvedSource } from "./api.ts";

/**
 * The answer, when every track names its source and the source's own id. A track without them would share the
 * key `undefined:undefined` with every other such track: one file, one search, one pin for all of them.
 */
export function checkedSource(resolved: ResolvedSource): ResolvedSource {
  for (const [index, track] of resolved.tracks.entries()) {
    const problem = identityProblem(track as { source?: unknown; id?: unknown });
    if (!problem) continue;
    throw new Error(
      `track ${index + 1} ("${String(track.title)}") ${problem}: every track needs \`source\` (the plugin's name) and \`id\` (its own id for the track, without tabs or newlines); see TrackMeta in musicdl/plugin.`,
    );
  }
  return resolved;
}

function identityProblem({ source, id }: { source?: unknown; id?: unknown }): string | null {
  if (typeof source !== "string" || source === "") return "has no source";
  if (typeof id !== "string" || id === "") return "has no id";
  return /[\t\n\r]/u.test(id) ? "has a tab or newline in its id" : null;
}
