/** The text-search rules a source gets as `ctx.text`: reading the text, picking among answers, and the two refusals. */
import { UsageError } from "../errors.ts";
import type { ScoredTrack, TextRanking } from "../plugins/api.ts";
import { describeTrackChoice } from "./track-choice.ts";
import { pickTextMatch } from "./text-match.ts";
import { readTextQuery, tidyQueryText } from "./text-query.ts";

export const textRanking: TextRanking = {
  tidy: tidyQueryText,
  read: readTextQuery,
  pick: pickTextMatch,
  ambiguous: (query, candidates, label) => new TextQueryAmbiguousError(query, candidates, label),
  notFound: (query, searched, nearest, label) => new TextQueryNotFoundError(query, searched, nearest, label),
};

function pasteTheLink(label: string): string {
  return `Paste the ${label} link of the track you mean instead of the text (in the config or on the command line).`;
}

/** Plain text that more than one recording fits about equally well. Exit 2: the user must say which. */
export class TextQueryAmbiguousError extends UsageError {
  constructor(
    readonly query: string,
    readonly candidates: readonly ScoredTrack[],
    label: string,
  ) {
    const listed = candidates
      .slice(0, 5)
      .map((entry, index) => `${index + 1}. ${describeTrackChoice(entry.track)} [score ${entry.score.toFixed(2)}]`);
    super(`"${query}" fits more than one ${label} recording about equally well: ${listed.join("; ")}.`, {
      hint: pasteTheLink(label),
    });
  }
}

/** Plain text no search answer fits. Exit 2, naming what was searched and the nearest answers with why not. */
export class TextQueryNotFoundError extends UsageError {
  constructor(
    readonly query: string,
    readonly searched: readonly string[],
    nearest: readonly ScoredTrack[],
    label: string,
  ) {
    const near = nearest
      .slice(0, 3)
      .map((entry) => `${describeTrackChoice(entry.track)} (${entry.rejectReason ?? "not close enough"})`);
    const paste = pasteTheLink(label);
    super(
      `"${query}": no ${label} track fits (searched ${searched.map((q) => `q=${q}`).join(", then ")})` +
        (near.length > 0 ? `; nearest answers: ${near.join("; ")}.` : `; ${label} answered nothing.`),
      {
        hint: `Check the spelling and write it as "Artist - Title", or ${paste.charAt(0).toLowerCase()}${paste.slice(1)}`,
      },
    );
  }
}
