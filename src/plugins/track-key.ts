/** A track's identity across plan, caches and library index: its source's name and the source's own id. */
import type { TrackMeta } from "./api.ts";

/** `spotify:1RKbVxcm267VdsIzqY7msi`. A source name is kebab-case, so the first `:` splits the pair unambiguously. */
export function trackKey(track: Pick<TrackMeta, "source" | "id">): string {
  return `${track.source}:${track.id}`;
}
