/** The matcher's default weights and thresholds, and how config `match:` values are laid over them. */
import type { MatchSettings } from "../config/types.ts";

/** Every penalty the scorer can name; config `match.weights` keys are these (snake_case accepted). */
export const PENALTY_NAMES = ["isrc", "duration", "title", "artist", "unwanted-words", "album", "kind"] as const;
export type PenaltyName = (typeof PENALTY_NAMES)[number];

/**
 * Tuned on the golden set in test/match/golden/. Title, artist, duration and unwanted words carry the decision;
 * album and kind only break near-ties (a single's album name often differs, and an official video is fine when
 * nothing else is). An ISRC is the strongest signal when both sides have one.
 */
export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  weights: { isrc: 4, duration: 3, title: 3, artist: 3, "unwanted-words": 3, album: 0.5, kind: 1 },
  strongThreshold: 0.15,
  acceptThreshold: 0.35,
};

/** Config values over the defaults; unknown weight names are kept (a plugin could add penalties later). */
export function resolveMatchSettings(settings?: Partial<MatchSettings>): MatchSettings {
  const weights: Record<string, number> = { ...DEFAULT_MATCH_SETTINGS.weights };
  for (const [name, weight] of Object.entries(settings?.weights ?? {})) weights[name.replace(/_/g, "-")] = weight;
  return {
    weights,
    strongThreshold: settings?.strongThreshold ?? DEFAULT_MATCH_SETTINGS.strongThreshold,
    acceptThreshold: settings?.acceptThreshold ?? DEFAULT_MATCH_SETTINGS.acceptThreshold,
  };
}
