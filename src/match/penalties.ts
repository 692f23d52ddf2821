/** One function per named penalty: each compares one aspect of a candidate with the track and returns 0..1. */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import { normalizeArtist, type ParsedTitle, parseTitle, splitArtistCredit } from "./normalize.ts";
import { textSimilarity, wordOverlap } from "./similarity.ts";

export interface PenaltyValue {
  /** 0 (same) … 1 (as different as it gets). */
  readonly value: number;
  readonly detail?: string;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Up to this difference the same recording is normal (rounding, a second of silence). */
export const DURATION_TOLERANCE_S = 2;
/** From this difference on, the duration alone says "another version" (penalty 1). */
export const DURATION_FULL_PENALTY_S = 15;

/** Linear from the tolerance to the full-penalty difference; the detail is the signed difference, `+74s`. */
export function durationPenalty(track: TrackMeta, candidate: AudioCandidate): PenaltyValue {
  const differenceS = Math.round((candidate.durationMs - track.durationMs) / 1000);
  const excess = Math.abs(differenceS) - DURATION_TOLERANCE_S;
  const value = clamp(excess / (DURATION_FULL_PENALTY_S - DURATION_TOLERANCE_S));
  return { value: round2(value), detail: `${differenceS >= 0 ? "+" : ""}${differenceS}s` };
}

/** Upload noise that says nothing about which song it is; ignored in the candidate's title unless Spotify has it. */
const NOISE_WORDS = new Set(
  "official music video audio lyric lyrics visualizer visualiser hd hq 4k mv m v clip videoclip with".split(" "),
);

/**
 * Similarity of title cores. Candidate words Spotify's title lacks are dropped when they are upload noise
 * ("official video") or words of the track's artist names (`YOASOBI「夜に駆ける」Official Music Video`).
 */
export function titleSimilarity(
  spotify: ParsedTitle,
  candidate: ParsedTitle,
  artistWords: readonly string[] = [],
): number {
  // A title given in two scripts matches either one (`夜に駆ける (Yoru ni Kakeru)` against `夜に駆ける`).
  const spotifyCores = [spotify.core, ...spotify.aliases];
  const candidateCores = [candidate.core, ...candidate.aliases];
  return Math.max(
    ...spotifyCores.flatMap((spotifyCore) =>
      candidateCores.map((candidateCore) => coreSimilarity(spotifyCore, candidateCore, artistWords)),
    ),
  );
}

function coreSimilarity(spotifyCore: string, candidateCore: string, artistWords: readonly string[]): number {
  const spotifyWords = spotifyCore.split(" ");
  const ignored = (word: string) =>
    (NOISE_WORDS.has(word) || artistWords.includes(word)) && !spotifyWords.includes(word);
  const candidateWords = candidateCore.split(" ").filter((word) => !ignored(word));
  const kept = candidateWords.join(" ") || candidateCore;
  return Math.max(textSimilarity(spotifyCore, kept), wordOverlap(spotifyWords, candidateWords));
}

/**
 * At 50 % similarity or below a title counts as a different song (penalty 1); above, the penalty falls linearly
 * to 0. Version tags are left to `unwanted-words`, so "YYZ (Live)" is not punished twice.
 */
export function titlePenalty(
  spotify: ParsedTitle,
  candidate: ParsedTitle,
  artistWords: readonly string[] = [],
): PenaltyValue {
  const similarity = titleSimilarity(spotify, candidate, artistWords);
  const value = clamp((1 - similarity) / 0.5);
  return { value: round2(value), detail: value > 0 ? `"${candidate.core}"` : undefined };
}

/** Every name a candidate credits: its artist fields, `feat.` credits and an `Artist - ` part of its title. */
export function candidateArtistNames(candidate: AudioCandidate, parsed: ParsedTitle): string[] {
  const credits = [...candidate.artists, ...parsed.featured, ...parsed.credited];
  const names = credits.flatMap((credit) => [credit, ...splitArtistCredit(credit)]).map(normalizeArtist);
  return [...new Set(names.filter(Boolean))];
}

/** Same artist: equal once folded with spaces ignored ("Mocro Maniac"), or nearly so ("Guns N Roses"/"Guns n' Roses"). */
function sameArtist(spotifyName: string, candidateName: string): boolean {
  const want = spotifyName.replace(/ /g, "");
  const have = candidateName.replace(/ /g, "");
  return want === have || textSimilarity(want, have) >= 0.85;
}

/** A one-string credit such as "Lost Identities und Robbie Rosen" names the artist as whole words. */
const creditNames = (field: string, name: string) => ` ${field} `.includes(` ${name} `);

/** How well the candidate's credits cover Spotify's artists (`recall`) and the other way round (`precision`). */
export interface ArtistMatch {
  /** 0..1; the first Spotify artist counts half when there are several. */
  readonly recall: number;
  /** Share of the candidate's own artist fields that name a Spotify artist; 1 when it has none. */
  readonly precision: number;
  /** False when the candidate credits nobody anywhere (artists: [] and no credit in the title). */
  readonly known: boolean;
}

export function matchArtists(track: TrackMeta, candidate: AudioCandidate, parsed: ParsedTitle): ArtistMatch {
  const wanted = [...new Set([...track.artists.map(normalizeArtist), ...parseTitle(track.title).featured])];
  const offered = candidateArtistNames(candidate, parsed);
  if (offered.length === 0) return { recall: 0, precision: 1, known: false };
  // A title credit "A, B - Song" lost its commas when folded: there, names count as whole words of the credit.
  const titleCredits = parsed.credited.map((credit) => ` ${credit} `);
  const [primary, ...others] = wanted.map(
    (name) =>
      offered.some((have) => sameArtist(name, have)) || titleCredits.some((credit) => credit.includes(` ${name} `)),
  );
  const othersFound = others.filter(Boolean).length;
  const recall = others.length === 0 ? Number(primary) : 0.5 * Number(primary) + (0.5 * othersFound) / others.length;
  const fields = candidate.artists.map(normalizeArtist).filter(Boolean);
  const credited = fields.filter((field) => wanted.some((name) => sameArtist(name, field) || creditNames(field, name)));
  return { recall, precision: fields.length === 0 ? 1 : credited.length / fields.length, known: true };
}

/**
 * Recall weighs 3:1 over precision, since an uploader channel ("Lyrics Kart") is not a wrong artist. A candidate
 * that credits nobody gets 0.5: youtubei.js gives `artists: []` for plain-text credits.
 */
export function artistPenalty(candidate: AudioCandidate, match: ArtistMatch): PenaltyValue {
  if (!match.known) return { value: 0.5, detail: "no artist given" };
  const value = clamp(1 - (0.75 * match.recall + 0.25 * match.precision));
  return { value: round2(value), detail: value > 0 ? candidate.artists.join(", ") || undefined : undefined };
}

/** Album names compared like titles (edition notes stripped); only scored when the candidate names an album. */
export function albumPenalty(track: TrackMeta, candidate: AudioCandidate): PenaltyValue | null {
  if (!candidate.album) return null;
  const similarity = textSimilarity(parseTitle(track.album.name).core, parseTitle(candidate.album).core);
  const value = clamp((1 - similarity) / 0.6);
  return { value: round2(value), detail: value > 0 ? `"${candidate.album}"` : undefined };
}

/** A video may carry an intro, skits or a different mix; an audio release is the recording itself. */
export function kindPenalty(candidate: AudioCandidate): PenaltyValue {
  return candidate.kind === "video" ? { value: 1, detail: "video" } : { value: 0 };
}

/** Only when both sides know an ISRC; equal codes are the same recording, different codes usually not. */
export function isrcPenalty(track: TrackMeta, candidate: AudioCandidate): PenaltyValue | null {
  if (!track.isrc || !candidate.isrc) return null;
  const same = track.isrc.toUpperCase() === candidate.isrc.toUpperCase();
  return same ? { value: 0, detail: "equal" } : { value: 1, detail: candidate.isrc };
}
