/**
 * The matcher's rules, reversed: the user's text is the query and a source's search answers are the candidates.
 * Scores each answer, and picks one only when no other recording scores about as well (docs/matching.md).
 */
import { normalizeArtist, parseTitle, splitArtistCredit, tokenize } from "./normalize.ts";
import { countPhrase, textSimilarity, wordOverlap } from "./similarity.ts";
import { VERSION_WORDS } from "./words.ts";
import type { ScoredTrack, TextPick, TrackMeta } from "../plugins/api.ts";
import type { TextQuery } from "./text-query.ts";

/** Title and artist must each be at least this alike (typos pass, another song does not). */
export const TEXT_MATCH_MIN_SIMILARITY = 0.8;
/** A different recording scoring within this of the best makes the answer ambiguous. */
export const TEXT_MATCH_AMBIGUITY_MARGIN = 0.1;
/** Lengths within this many seconds are the same recording released twice (single and album, a remaster). */
const SAME_LENGTH_S = 3;

export type { ScoredTrack, TextPick };

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function titleSimilarity(query: TextQuery, track: TrackMeta): number {
  const wanted = parseTitle(query.title).core;
  const offered = parseTitle(track.title, track.artists).core;
  return Math.max(textSimilarity(wanted, offered), wordOverlap(wanted.split(" "), offered.split(" ")));
}

const spaceless = (name: string) => name.replace(/ /g, "");

/** How well the track's artists (and feat. credits) cover the artist text: whole, or name by name. */
function artistSimilarity(artist: string, track: TrackMeta): number {
  const offered = [
    ...track.artists.map(normalizeArtist),
    ...parseTitle(track.title).featured,
    normalizeArtist(track.artists.join(" & ")),
  ].map(spaceless);
  const best = (name: string) => Math.max(0, ...offered.map((have) => textSimilarity(spaceless(name), have)));
  const whole = best(normalizeArtist(artist));
  const names = splitArtistCredit(artist).map(normalizeArtist);
  const found = names.filter((name) => best(name) >= TEXT_MATCH_MIN_SIMILARITY).length;
  return Math.max(whole, names.length === 0 ? 0 : found / names.length);
}

/** Version words (live, remix, acoustic…) on one side only; counted, so "Live Forever" keeps its one "live". */
function versionMismatch(query: TextQuery, track: TrackMeta): string | undefined {
  const wanted = tokenize(query.text);
  const offered = [tokenize(track.title), tokenize(track.album.name)];
  for (const phrase of VERSION_WORDS.recording) {
    const words = phrase.split(" ");
    const asked = countPhrase(wanted, words);
    const has = Math.max(...offered.map((text) => countPhrase(text, words)));
    if (has > asked) return `"${phrase}", which the text does not ask for`;
    if (asked > 0 && has === 0) return `no "${phrase}", which the text asks for`;
  }
  return undefined;
}

export function scoreTrack(query: TextQuery, track: TrackMeta): ScoredTrack {
  const title = titleSimilarity(query, track);
  const artist = query.artist === undefined ? undefined : artistSimilarity(query.artist, track);
  const score = round4(artist === undefined ? title : 0.6 * title + 0.4 * artist);
  const version = versionMismatch(query, track);
  const rejectReason =
    title < TEXT_MATCH_MIN_SIMILARITY
      ? "another title"
      : artist !== undefined && artist < TEXT_MATCH_MIN_SIMILARITY
        ? "another artist"
        : version;
  return rejectReason ? { track, score, rejectReason } : { track, score };
}

/**
 * The same recording twice: equal ISRCs, or (when ISRCs differ or are missing) the same title core, the same
 * artists and a length within 3 s — a single and its album, or a remaster, which the plan treats alike.
 */
export function sameRecording(a: TrackMeta, b: TrackMeta): boolean {
  if (a.isrc && b.isrc && a.isrc.toUpperCase() === b.isrc.toUpperCase()) return true;
  const artists = (track: TrackMeta) => track.artists.map(normalizeArtist).sort().join("|");
  return (
    parseTitle(a.title, a.artists).core === parseTitle(b.title, b.artists).core &&
    artists(a) === artists(b) &&
    Math.abs(a.durationMs - b.durationMs) <= SAME_LENGTH_S * 1000
  );
}

/**
 * Best first (the source's order breaks ties). Found: the best acceptable answer when every other acceptable one
 * within the margin is the same recording. Ambiguous: the best and those rivals. None: the nearest rejected ones.
 */
export function pickTextMatch(query: TextQuery, tracks: readonly TrackMeta[]): TextPick {
  const scored = tracks.map((track) => scoreTrack(query, track));
  const ranked = scored.map((entry, index) => ({ entry, index }));
  ranked.sort((a, b) => b.entry.score - a.entry.score || a.index - b.index);
  const ordered = ranked.map(({ entry }) => entry);
  const accepted = ordered.filter((entry) => !entry.rejectReason);
  const [best] = accepted;
  if (!best) return { kind: "none", nearest: ordered.slice(0, 5) };
  const rivals = accepted.filter(
    (entry) =>
      entry !== best &&
      best.score - entry.score < TEXT_MATCH_AMBIGUITY_MARGIN &&
      !sameRecording(best.track, entry.track),
  );
  // Rivals that are the same recording as each other are listed once.
  const distinct = rivals.filter(
    (entry, index) => !rivals.slice(0, index).some((o) => sameRecording(o.track, entry.track)),
  );
  return distinct.length === 0 ? { kind: "found", best } : { kind: "ambiguous", candidates: [best, ...distinct] };
}
