/** Which version words (live, remix, karaoke…) set a candidate apart from the Spotify recording. */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import { parseTitle, tokenize } from "./normalize.ts";
import { countPhrase } from "./similarity.ts";

/** How bad an unexplained word is: `reject` ends the candidate, `version` is a different recording, `soft` a hint. */
export type WordSeverity = "reject" | "version" | "soft";

/** Folded words or phrases; whole words only, so "Alive" never reads as "live". */
export const UNWANTED_WORDS: Readonly<Record<WordSeverity, readonly string[]>> = {
  reject: [
    "karaoke", "cover", "instrumental", "nightcore", "sped up", "speed up", "slowed", "8d", "reverb", "reaction",
    "reacts", "tutorial", "lesson", "how to play", "bass boosted", "1 hour", "10 hours", "acapella", "a cappella",
  ],
  version: [
    "live", "remix", "acoustic", "extended", "demo", "unplugged", "mashup", "medley", "rework", "bootleg",
    "club mix", "dub mix", "piano version", "orchestral", "concert",
  ],
  soft: ["lyric", "lyrics", "letra", "paroles"],
};

const SEVERITY_VALUE: Record<WordSeverity, number> = { reject: 1, version: 1, soft: 0.3 };

export interface WordFinding {
  readonly word: string;
  readonly severity: WordSeverity;
  /** `extra`: the candidate has it and Spotify does not; `missing`: Spotify's version tag the candidate lacks. */
  readonly side: "extra" | "missing";
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
  for (const severity of ["reject", "version", "soft"] as const) {
    for (const word of UNWANTED_WORDS[severity]) {
      const inCandidate = timesIn(candidateTexts, word);
      if (inCandidate > timesIn(spotifyTexts, word)) findings.push({ word, severity, side: "extra" });
      else if (severity !== "soft" && inCandidate === 0 && timesIn([spotifyTags], word) > 0) {
        findings.push({ word, severity: "version", side: "missing" });
      }
    }
  }
  return findings.concat(explicitFindings(track, candidate));
}

/** A clean edit of an explicit track is another recording; the reverse is only a hint (Spotify may list both). */
function explicitFindings(track: TrackMeta, candidate: AudioCandidate): WordFinding[] {
  const candidateTexts = [candidate.title, candidate.album];
  const spotifyTexts = [track.title, track.album.name];
  const says = (word: string) => timesIn(candidateTexts, word) > timesIn(spotifyTexts, word);
  if (track.explicit) {
    const word = ["clean", "censored"].find(says);
    return word ? [{ word, severity: "version", side: "extra" }] : [];
  }
  return says("explicit") ? [{ word: "explicit", severity: "soft", side: "extra" }] : [];
}

/** The penalty value: the worst finding decides (one "live" is as bad as "live remix"). */
export function unwantedWordsValue(findings: readonly WordFinding[]): number {
  return Math.max(0, ...findings.map((finding) => SEVERITY_VALUE[finding.severity]));
}

/** `"live", missing "acoustic"`: what `--explain` shows beside the value. */
export function describeWordFindings(findings: readonly WordFinding[]): string {
  return findings.map((finding) => `${finding.side === "missing" ? "missing " : ""}"${finding.word}"`).join(", ");
}
