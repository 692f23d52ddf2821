/** The matcher: pure functions that score provider candidates against a Spotify track and pick one. */
export { type MatchScore, type MatchVerdict, type Penalty, scoreCandidate } from "./distance.ts";
export {
  describeRejection,
  formatDuration,
  formatPenalties,
  type MatchTableOptions,
  renderMatchTable,
} from "./explain.ts";
export { foldText, normalizeArtist, type ParsedTitle, parseTitle, splitArtistCredit, tokenize } from "./normalize.ts";
export {
  candidateKey,
  pickAcrossProviders,
  type ProviderSearch,
  pickBestCandidate,
  type ProviderCandidates,
  type ProviderPick,
  rankCandidates,
  type ScoredCandidate,
  searchAcrossProviders,
} from "./pick.ts";
export { pickFromEveryProvider } from "./pick-every-provider.ts";
export { DEFAULT_MATCH_SETTINGS, PENALTY_NAMES, type PenaltyName, resolveMatchSettings } from "./settings.ts";
