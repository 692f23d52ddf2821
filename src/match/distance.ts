/** Scores one candidate against a track: named, weighted penalties, a weighted mean and a verdict (beets' Distance). */
import type { MatchSettings } from "../config/types.ts";
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import { parseTitle, tokenize } from "./normalize.ts";
import {
  albumPenalty,
  artistPenalty,
  durationPenalty,
  isrcPenalty,
  kindPenalty,
  matchArtists,
  type PenaltyValue,
  titlePenalty,
} from "./penalties.ts";
import { durationRuling } from "./duration-rules.ts";
import { type PenaltyName, resolveMatchSettings } from "./settings.ts";
import { describeWordFindings, findUnwantedWords, unwantedWordsValue } from "./words.ts";

export type MatchVerdict = "strong" | "acceptable" | "reject";

export interface Penalty {
  readonly name: string;
  /** 0 (no difference) … 1. */
  readonly value: number;
  readonly weight: number;
  /** What was seen: `+74s`, `"live"`, the candidate's title… */
  readonly detail?: string;
}

export interface MatchScore {
  /** Weighted mean of the penalties, 0 (perfect) … 1. */
  readonly distance: number;
  readonly verdict: MatchVerdict;
  /** Every penalty that applied, zero ones included, in a fixed order. */
  readonly penalties: readonly Penalty[];
  /** Set when a rule rejected the candidate whatever its distance (`says "karaoke"`, `different artist`). */
  readonly rejectReason?: string;
}

/** An ISRC match within this many seconds is strong whatever the title says (re-uploads rename tracks). */
const ISRC_DURATION_SLACK_S = 10;

/**
 * Scores a candidate. Settings are merged over `DEFAULT_MATCH_SETTINGS`.
 *
 * @example
 * scoreCandidate(yyz, { title: "YYZ (Live)", kind: "video", … }).verdict // "reject"
 */
export function scoreCandidate(
  track: TrackMeta,
  candidate: AudioCandidate,
  settings?: Partial<MatchSettings>,
): MatchScore {
  const resolved = resolveMatchSettings(settings);
  const spotifyTitle = parseTitle(track.title);
  const candidateTitle = parseTitle(candidate.title, [...track.artists, ...candidate.artists]);
  const artists = matchArtists(track, candidate, candidateTitle);
  const findings = findUnwantedWords(track, candidate);
  const values: [PenaltyName, PenaltyValue | null][] = [
    ["isrc", isrcPenalty(track, candidate)],
    ["duration", durationPenalty(track, candidate)],
    ["title", titlePenalty(spotifyTitle, candidateTitle, track.artists.flatMap(tokenize))],
    ["artist", artistPenalty(candidate, artists)],
    ["unwanted-words", { value: unwantedWordsValue(findings), detail: describeWordFindings(findings) || undefined }],
    ["album", albumPenalty(track, candidate)],
    ["kind", kindPenalty(candidate)],
  ];
  const penalties = values.flatMap(([name, penalty]) =>
    penalty ? [{ name, weight: resolved.weights[name] ?? 0, ...penalty }] : [],
  );
  const distance = weightedMean(penalties);
  const duration = durationRuling(track, candidate);
  const isrcSame = penalties.some((penalty) => penalty.name === "isrc" && penalty.value === 0);
  if (isrcSame && duration.offS <= ISRC_DURATION_SLACK_S) return { distance, verdict: "strong", penalties };
  const rejectReason = findRejectReason({
    rejectWord: findings.find((finding) => finding.rejects)?.word,
    titleValue: penalties.find((penalty) => penalty.name === "title")?.value ?? 0,
    artistUnmatched: artists.known && artists.recall === 0,
    // The same ISRC is the same recording even when one side counts silence the other trims.
    durationFarOff: duration.farOff && !isrcSame,
  });
  if (rejectReason) return { distance, verdict: "reject", penalties, rejectReason };
  // A length off by more than a few seconds is another cut or has extra content: never sure enough to stop at.
  const verdict = duration.strongAllowed
    ? verdictFor(distance, resolved)
    : distance <= resolved.acceptThreshold
      ? "acceptable"
      : "reject";
  return { distance, verdict, penalties };
}

function weightedMean(penalties: readonly Penalty[]): number {
  const totalWeight = penalties.reduce((sum, penalty) => sum + penalty.weight, 0);
  if (totalWeight <= 0) return 0;
  const weighted = penalties.reduce((sum, penalty) => sum + penalty.weight * penalty.value, 0);
  return Math.round((weighted / totalWeight) * 10_000) / 10_000;
}

interface RejectSignals {
  readonly rejectWord?: string;
  readonly titleValue: number;
  readonly artistUnmatched: boolean;
  readonly durationFarOff: boolean;
}

/**
 * Rules a weighted mean cannot express: one decisive difference among many agreeing fields still means another
 * recording (a karaoke track has the right title, artist and length).
 */
function findRejectReason(signals: RejectSignals): string | undefined {
  if (signals.rejectWord) return `says "${signals.rejectWord}"`;
  if (signals.titleValue >= 1) return "different title";
  if (signals.artistUnmatched) return "different artist";
  if (signals.durationFarOff) return "duration far off";
  return undefined;
}

function verdictFor(distance: number, settings: MatchSettings): MatchVerdict {
  if (distance <= settings.strongThreshold) return "strong";
  if (distance <= settings.acceptThreshold) return "acceptable";
  return "reject";
}
