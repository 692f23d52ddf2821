/**
 * Recognises a live-show album by its name when it never says "live": a venue with a date ("Madison Square Garden,
 * July 20, 2019"), a full date ("1994-03-14"), or a radio/TV session ("BBC Sessions", "Live Lounge").
 */
import { tokenize } from "./normalize.ts";

const MONTHS =
  "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october " +
  "nov november dec december";
const MONTH_WORDS = new Set(MONTHS.split(" "));
const VENUE_WORDS = new Set(
  (
    "arena garden hall theatre theater stadium festival palladium apollo bowl amphitheatre amphitheater club " +
    "ballroom auditorium coliseum colosseum forum fillmore roundhouse olympia pavilion centre center casino " +
    "opera philharmonie paradiso budokan wembley glastonbury coachella woodstock montreux"
  ).split(" "),
);
const YEAR = /^(19|20)\d\d$/;
const DAY = /^([12]?\d|3[01])(st|nd|rd|th)?$/;
/** `1994-03-14`, `14.03.1994`, `3/14/94`: dates written with digits only. */
const NUMERIC_DATE = /\b(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})\b/;

export function looksLikeLiveShow(albumName: string | undefined): boolean {
  if (!albumName) return false;
  if (NUMERIC_DATE.test(albumName)) return true;
  const words = tokenize(albumName);
  const hasYear = words.some((word) => YEAR.test(word));
  const hasVenue = words.some((word) => VENUE_WORDS.has(word));
  const fullDate = words.some(
    (word, index) =>
      MONTH_WORDS.has(word) && (DAY.test(words[index - 1] ?? "") || DAY.test(words[index + 1] ?? "")) && hasYear,
  );
  return fullDate || (hasVenue && hasYear) || words.includes("lounge") || words.includes("unplugged");
}
