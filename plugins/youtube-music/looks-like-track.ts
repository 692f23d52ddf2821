/**
 * Whether a candidate obviously is the track (title contained, duration close). Not scoring (the core does that):
 * it only decides whether another search request is worth sending.
 */
import type { AudioCandidate, TrackMeta } from "musicdl/plugin";

/** Spotify and YouTube Music durations of one release differ by a second or two; 7 s still excludes edits. */
const DURATION_TOLERANCE_MS = 7_000;

/** Lower case, accents and bracketed parts removed, punctuation as spaces: "Höhe (feat. X)" → "hohe". */
function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Spotify's " - Remastered 2011" / " - Live" suffixes are not part of the title YouTube shows. */
const coreTitle = (title: string) => normalize(title.replace(/\s+-\s+.*$/, ""));

export function looksLikeTrack(track: TrackMeta, candidate: AudioCandidate): boolean {
  const wanted = coreTitle(track.title);
  if (wanted === "") return false;
  const title = ` ${normalize(candidate.title)} `;
  return title.includes(` ${wanted} `) && Math.abs(candidate.durationMs - track.durationMs) <= DURATION_TOLERANCE_MS;
}

/** The candidate's title holds the track's title as whole words, whatever its length. */
export function sameTitle(track: TrackMeta, candidate: AudioCandidate): boolean {
  const wanted = coreTitle(track.title);
  return wanted !== "" && ` ${normalize(candidate.title)} `.includes(` ${wanted} `);
}
