/** Which version words (live, remix, karaoke…) set a candidate apart from the Spotify recording. */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import { parseTitle, tokenize } from "./normalize.ts";
import { countPhrase } from "./similarity.ts";
import { looksLikeLiveShow } from "./live-show.ts";
import { findVersionNotes } from "./version-notes.ts";

/** Phrases are written with `|` between them, since a phrase may hold a space ("sped up"). */
const phrases = (list: string) => list.split("|");

/**
 * Folded words or phrases, matched as whole words so "Alive" never reads as "live". `recording`: another recording
 * (a candidate that adds one is rejected; a Spotify version tag the candidate lacks costs a full penalty);
 * `hint`: the same audio, probably, in an upload to avoid when something better exists.
 */
export const VERSION_WORDS: Readonly<Record<"recording" | "hint", readonly string[]>> = {
  recording: phrases(
    "live|remix|acoustic|extended|demo|unplugged|mashup|medley|rework|bootleg|club mix|dub mix|" +
      "piano version|orchestral|concert|karaoke|cover|instrumental|nightcore|sped up|speed up|slowed|8d|" +
      "reverb|bass boosted|acapella|a cappella|reaction|reacts|tutorial|lesson|how to play|1 hour|10 hours|" +
      "daycore|stripped|taylors version|re recorded|rerecorded|remake|tribute|edit|sessions|session|" +
      "in concert|unreleased|en vivo|ao vivo|en directo|en concierto|acustico|acustica|acoustique|akustik|" +
      "lofi|lo fi|16d|vip|reimagined|remixed|chopped and screwed|in the style of|originally performed by|" +
      "made famous by|backing track|spedup|parody",
  ),
  hint: phrases("lyric|lyrics|letra|paroles"),
};

export interface WordFinding {
  readonly word: string;
  /** `extra`: the candidate has it and Spotify does not; `missing`: Spotify's version tag the candidate lacks. */
  readonly side: "extra" | "missing";
  /** The penalty value this finding alone would give. */
  readonly value: number;
  /** True when the word alone rules the candidate out (a karaoke track has the right title, artist and length). */
  readonly rejects: boolean;
}

function timesIn(texts: readonly (string | undefined)[], phrase: string): number {
  const words = phrase.split(" ");
  return Math.max(0, ...texts.map((text) => (text ? countPhrase(tokenize(text), words) : 0)));
}

/**
 * Compares word counts, not presence: Oasis' "Live Forever" keeps its "live", yet "Live Forever (Live)" has one
 * "live" too many. Counts take the larger of title and album on each side, so a live album explains a live track.
 */
export function findUnwantedWords(track: TrackMeta, candidate: AudioCandidate): WordFinding[] {
  const findings: WordFinding[] = [];
  const spotifyTexts = [track.title, track.album.name];
  const candidateTexts = [candidate.title, candidate.album];
  const spotifyTags = parseTitle(track.title).tags.join(" | ");
  for (const word of VERSION_WORDS.recording) {
    const inCandidate = timesIn(candidateTexts, word);
    if (inCandidate > timesIn(spotifyTexts, word)) findings.push({ word, side: "extra", value: 1, rejects: true });
    else if (inCandidate === 0 && timesIn([spotifyTags], word) > 0) {
      findings.push({ word, side: "missing", value: 1, rejects: false });
    }
  }
  for (const word of VERSION_WORDS.hint) {
    if (timesIn(candidateTexts, word) > timesIn(spotifyTexts, word)) {
      findings.push({ word, side: "extra", value: 0.3, rejects: false });
    }
  }
  const knownWords = new Set(VERSION_WORDS.recording.filter((phrase) => !phrase.includes(" ")));
  for (const { note, side } of findVersionNotes(track, candidate, knownWords)) {
    findings.push({ word: note, side, value: 1, rejects: side === "extra" });
  }
  if (!findings.some((finding) => finding.word === "live") && looksLikeLiveShow(candidate.album)) {
    if (!looksLikeLiveShow(track.album.name) && timesIn(spotifyTexts, "live") === 0) {
      findings.push({ word: "live", side: "extra", value: 1, rejects: true });
    }
  }
  return findings.concat(explicitFindings(track, candidate));
}

/** A clean edit of an explicit track is a poor substitute; the reverse is only a hint (Spotify may list both). */
function explicitFindings(track: TrackMeta, candidate: AudioCandidate): WordFinding[] {
  const candidateTexts = [candidate.title, candidate.album];
  const spotifyTexts = [track.title, track.album.name];
  const says = (word: string) => timesIn(candidateTexts, word) > timesIn(spotifyTexts, word);
  if (track.explicit) {
    const word = ["clean", "censored"].find(says);
    return word ? [{ word, side: "extra", value: 1, rejects: false }] : [];
  }
  return says("explicit") ? [{ word: "explicit", side: "extra", value: 0.3, rejects: false }] : [];
}

/** The penalty value: the worst finding decides (one "live" is as bad as "live remix"). */
export function unwantedWordsValue(findings: readonly WordFinding[]): number {
  return Math.max(0, ...findings.map((finding) => finding.value));
}

/** `"live", missing "acoustic"`: what `--explain` shows beside the value. */
export function describeWordFindings(findings: readonly WordFinding[]): string {
  return findings.map((finding) => `${finding.side === "missing" ? "missing " : ""}"${finding.word}"`).join(", ");
}
