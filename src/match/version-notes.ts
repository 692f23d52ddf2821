/**
 * Version notes the word list cannot name: "(Reggaeton Version)", "- Spanish Version", "(Tiësto Mix)". A "version"
 * or "mix" note whose qualifier is not neutral (album, original, radio…) names another recording, whatever word
 * the uploader chose, so it counts like a recording word (docs/matching.md, section 2).
 */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import { parseTitle, tokenize } from "./normalize.ts";

/** The words that make a note a version note ("versión" and "versão" fold to these). */
const VERSION_NOTE_WORDS = new Set(["version", "versao", "mix"]);

/**
 * Qualifiers that leave the recording as it is: the release it is on, its mastering, its channel layout. Lyric
 * words are the word list's hint (0.3), not another recording.
 */
const NEUTRAL_QUALIFIERS = new Set(
  (
    "album single original main lp ep remaster remastered remasterizado remasterizada mono stereo explicit clean " +
    "dirty uncensored censored official audio video music hd hq full digital deluxe bonus track the a de la le " +
    "del lyric lyrics letra paroles visualizer visualiser vinyl cd length super expanded special collectors " +
    "legacy anniversary edition reissue standard"
  ).split(" "),
);
/** Years, "45", and the "20th" of an anniversary release. */
const NUMBER = /^\d+(?:st|nd|rd|th)?$/;

/** The notes of a title whose qualifiers are not neutral, each as its qualifier words: `[["reggaeton"]]`. */
function qualifiedNotes(title: string): string[][] {
  return (
    parseTitle(title)
      .tags.map((tag) => tag.split(" "))
      // `From "Movie" Soundtrack Version` says where the song is used, not how it was recorded.
      .filter((words) => words[0] !== "from" && words.some((word) => VERSION_NOTE_WORDS.has(word)))
      .map((words) =>
        words.filter((word) => !VERSION_NOTE_WORDS.has(word) && !NEUTRAL_QUALIFIERS.has(word) && !NUMBER.test(word)),
      )
      .filter((qualifiers) => qualifiers.length > 0)
  );
}

export interface VersionNoteFinding {
  /** The note as folded, `reggaeton version`. */
  readonly note: string;
  readonly side: "extra" | "missing";
}

/**
 * A note on one side whose qualifier words the other side's title and album do not all have. Qualifiers that are
 * version words themselves ("live", "acoustic") are left to the word list, which already counts them.
 */
export function findVersionNotes(
  track: TrackMeta,
  candidate: AudioCandidate,
  knownWords: ReadonlySet<string>,
): VersionNoteFinding[] {
  const wordsOf = (texts: readonly (string | undefined)[]) => new Set(texts.flatMap((text) => tokenize(text ?? "")));
  const spotifyWords = wordsOf([track.title, track.album.name]);
  const candidateWords = wordsOf([candidate.title, candidate.album]);
  const unexplained = (title: string, other: ReadonlySet<string>, side: VersionNoteFinding["side"]) =>
    qualifiedNotes(title)
      .filter((qualifiers) => qualifiers.every((word) => !knownWords.has(word)))
      .filter((qualifiers) => qualifiers.some((word) => !other.has(word)))
      .map((qualifiers) => ({ note: qualifiers.join(" "), side }));
  return [
    ...unexplained(candidate.title, spotifyWords, "extra"),
    ...unexplained(track.title, candidateWords, "missing"),
  ];
}
