/** Turns scores into the words users read: penalty lists, the reason an item failed, the `musicdl match` table. */
import type { TrackMeta } from "../plugins/api.ts";
import type { MatchScore, Penalty } from "./distance.ts";
import type { ScoredCandidate } from "./pick.ts";

/** The detail is shown where it says more than the value (`kind 1.00` needs no "(video)"). */
function formatPenalty(penalty: Penalty): string {
  const detail = penalty.detail && penalty.name !== "kind" ? ` (${penalty.detail})` : "";
  return `${penalty.name} ${penalty.value.toFixed(2)}${detail}`;
}

/** Among equal contributions, the penalty that best says "another recording" comes first. */
const DISPLAY_PRIORITY = ["unwanted-words", "isrc", "artist", "title", "duration", "album", "kind"];
const priorityOf = (name: string) => {
  const index = DISPLAY_PRIORITY.indexOf(name);
  return index === -1 ? DISPLAY_PRIORITY.length : index;
};

/** Non-zero penalties, largest weighted contribution first: `unwanted-words 1.00 ("live") · kind 1.00`. */
export function formatPenalties(score: MatchScore): string {
  return score.penalties
    .filter((penalty) => penalty.value > 0)
    .sort((a, b) => b.value * b.weight - a.value * a.weight || priorityOf(a.name) - priorityOf(b.name))
    .map(formatPenalty)
    .join(" · ");
}

/** `m:ss`, as both Spotify and YouTube Music show lengths. */
export function formatDuration(durationMs: number): string {
  const totalS = Math.round(durationMs / 1000);
  return `${Math.floor(totalS / 60)}:${String(totalS % 60).padStart(2, "0")}`;
}

function describeCandidate({ candidate, score }: ScoredCandidate): string {
  const artists = candidate.artists.length > 0 ? ` by ${candidate.artists.join(", ")}` : "";
  const rejected = score.rejectReason ? ` (rejected: ${score.rejectReason})` : "";
  const penalties = formatPenalties(score);
  return `"${candidate.title}"${artists} ${score.distance.toFixed(2)}${rejected}${penalties ? ` [${penalties}]` : ""}`;
}

/**
 * Why nothing was picked, for the item's error: the best few candidates with their scores, e.g.
 * `no acceptable match for "YYZ" by Rush; best: "YYZ (Live)" by Rush 0.52 [unwanted-words 1.00 ("live") · …]`.
 */
export function describeRejection(track: TrackMeta, ranked: readonly ScoredCandidate[], max = 3): string {
  const wanted = `"${track.title}" by ${track.artists.join(", ")}`;
  if (ranked.length === 0) return `no acceptable match for ${wanted}; no candidates found`;
  // One upload found by two providers (YouTube Music and YouTube share video ids) is named once, as it ranked first.
  const uploads = ranked.filter(
    (entry, index) => ranked.findIndex((e) => e.candidate.id === entry.candidate.id) === index,
  );
  const shown = uploads.slice(0, max).map(describeCandidate).join("; ");
  const more = uploads.length > max ? `; ${uploads.length - max} more` : "";
  return `no acceptable match for ${wanted}; best: ${shown}${more}`;
}

export interface MatchTableOptions {
  /** Rows to show at most (default 10). */
  readonly limit?: number;
  /** Add a line of penalties under each row (`musicdl match --explain`). */
  readonly explain?: boolean;
}

function pad(text: string, width: number): string {
  // Always leave one space before the next column, even when the text is cut.
  return text.length >= width ? `${text.slice(0, width - 2)}… ` : text.padEnd(width);
}

/**
 * Plain-text table for `musicdl match URL`: the Spotify track on top, then one row per candidate, best first.
 *
 * ```
 * YYZ — Rush · 4:26 · ISRC CAA108100025
 *  #  verdict     dist  kind   time   title — artists                           id
 *  1  strong      0.00  song   4:26   YYZ — Rush                                youtube-music:abc123
 * ```
 */
export function renderMatchTable(
  track: TrackMeta,
  ranked: readonly ScoredCandidate[],
  options: MatchTableOptions = {},
): string {
  const isrc = track.isrc ? ` · ISRC ${track.isrc}` : "";
  const lines = [`${track.title} — ${track.artists.join(", ")} · ${formatDuration(track.durationMs)}${isrc}`];
  if (ranked.length === 0) return [...lines, "  no candidates found"].join("\n");
  lines.push(` #  ${pad("verdict", 12)}dist  ${pad("kind", 7)}${pad("time", 7)}${pad("title — artists", 42)}id`);
  for (const [index, { candidate, score }] of ranked.slice(0, options.limit ?? 10).entries()) {
    const label = `${candidate.title} — ${candidate.artists.join(", ") || "?"}`;
    const row = [
      String(index + 1).padStart(2),
      pad(score.verdict, 12) + score.distance.toFixed(2),
      pad(candidate.kind, 7) + pad(formatDuration(candidate.durationMs), 7) + pad(label, 42),
    ];
    lines.push(`${row[0]}  ${row[1]}  ${row[2]}${candidate.provider}:${candidate.id}`);
    if (options.explain) {
      const why = [score.rejectReason ? `rejected: ${score.rejectReason}` : "", formatPenalties(score)];
      lines.push(`    ${why.filter(Boolean).join(" · ") || "no penalties"}`);
    }
  }
  return lines.join("\n");
}
