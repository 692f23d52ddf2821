/**
 * Length is a recording's fingerprint: the same audio release is within a couple of seconds on Spotify and
 * YouTube. These bounds turn a length difference into a decision (docs/matching.md, "Duration discipline").
 */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";

/** Beyond this difference a song is never strong (rounding and a second of silence stay under it). */
export const STRONG_WITHIN_S = 3;
/** A video's length must agree closer still to be strong: any difference hints at an intro, skit or other mix. */
export const VIDEO_STRONG_WITHIN_S = 1;
/** A song further off than max(7 s, 3 % of the track) is another cut and rejected, unless its ISRC matches. */
export const SONG_REJECT_S = 7;
export const SONG_REJECT_SHARE = 0.03;
/** A video may carry an intro or outro: rejected only beyond max(15 s, 6 % of the track). */
export const VIDEO_REJECT_S = 15;
export const VIDEO_REJECT_SHARE = 0.06;

export interface DurationRuling {
  readonly offS: number;
  /** True when the difference allows a strong verdict. */
  readonly strongAllowed: boolean;
  /** True when the difference alone rules the candidate out. */
  readonly farOff: boolean;
}

export function durationRuling(track: TrackMeta, candidate: AudioCandidate): DurationRuling {
  const offS = Math.abs(candidate.durationMs - track.durationMs) / 1000;
  const trackS = track.durationMs / 1000;
  const bound =
    candidate.kind === "song"
      ? Math.max(SONG_REJECT_S, trackS * SONG_REJECT_SHARE)
      : Math.max(VIDEO_REJECT_S, trackS * VIDEO_REJECT_SHARE);
  const strongWithin = candidate.kind === "song" ? STRONG_WITHIN_S : VIDEO_STRONG_WITHIN_S;
  return { offS, strongAllowed: offS <= strongWithin, farOff: offS > bound };
}
