/** String similarity in 0..1 for folded text: edit distance and word overlap, the two views beets combines too. */
import { editDistance } from "../util/edit-distance.ts";

/** 1 for equal strings, 0 for nothing in common; spaces ignored so "mocro maniac" equals "mocromaniac". */
export function editSimilarity(a: string, b: string): number {
  const left = a.replace(/ /g, "");
  const right = b.replace(/ /g, "");
  const longest = Math.max([...left].length, [...right].length);
  return longest === 0 ? 1 : 1 - editDistance(left, right) / longest;
}

/** Dice coefficient over word multisets: "go" vs "go go go" is 0.5, not 1. */
export function wordOverlap(left: readonly string[], right: readonly string[]): number {
  if (left.length + right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Below this many characters one edit makes another word ("Intro"/"Outro", ばら/はら), so edits are not counted. */
const SHORT_TEXT = 6;

/** How alike two folded texts are: the better of edit similarity (for longer texts) and word overlap. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const words = (text: string) => (text ? text.split(" ") : []);
  const overlap = wordOverlap(words(a), words(b));
  const longest = Math.max([...a.replace(/ /g, "")].length, [...b.replace(/ /g, "")].length);
  return longest < SHORT_TEXT ? overlap : Math.max(editSimilarity(a, b), overlap);
}

/** How many times a word, or a run of words (`sped up`), occurs in a word list. */
export function countPhrase(words: readonly string[], phrase: readonly string[]): number {
  let count = 0;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, offset) => words[start + offset] === word)) count++;
  }
  return count;
}
