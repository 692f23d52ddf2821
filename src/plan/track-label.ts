/** How a track is named to a person in progress lines, warnings, failures and the plan table. */
import type { TrackMeta } from "../plugins/api.ts";

/** `Rush - YYZ`; every credited artist, `A, B - Title`. */
export function trackLabel(track: Pick<TrackMeta, "artists" | "title">): string {
  return `${track.artists.join(", ")} - ${track.title}`;
}
