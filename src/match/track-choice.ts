/** How messages name the track a text search chose, in errors, warnings and the plan's text. */
import type { TextMatch, TrackMeta } from "../plugins/api.ts";

/** `"Rush - YYZ" → YYZ — Rush, "Moving Pictures" (1981), <the track's link> (score 1.00)` */
export function describeTextResolution(resolution: TextMatch): string {
  return `"${resolution.query}" → ${describeTrackChoice(resolution.track)} (score ${resolution.score.toFixed(2)})`;
}

/** `YYZ — Rush, "Moving Pictures" (1981), <link>`: how a message names the track a text search chose. */
export function describeTrackChoice(track: TrackMeta): string {
  const year = track.album.releaseDate.slice(0, 4);
  return `${track.title} — ${track.artists.join(", ")}, "${track.album.name}"${year ? ` (${year})` : ""}, ${track.url ?? ""}`;
}
