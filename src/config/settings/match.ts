/** The `match:` section, read by the matcher (src/match/): penalty weights and the strong/accept thresholds. */
import * as v from "valibot";
import { numberLike } from "../rules.ts";

const weight = v.pipe(numberLike("expected a number, 0 or more"), v.minValue(0, "expected a number, 0 or more"));
const fraction = v.pipe(
  numberLike("expected a number from 0 to 1"),
  v.minValue(0, "expected a number from 0 to 1"),
  v.maxValue(1, "expected a number from 0 to 1"),
);

export const matchKeys = {
  weights: v.nullish(v.record(v.string(), weight, "expected a map of penalty name to weight"), () => ({})),
  strong_threshold: v.nullish(fraction, 0.15),
  accept_threshold: v.nullish(fraction, 0.35),
};

export const MatchSettingsSchema = v.pipe(
  v.object(matchKeys),
  v.forward(
    v.check(
      (match) => match.strong_threshold <= match.accept_threshold,
      "strong_threshold must not be above accept_threshold (a strong match is also an acceptable one)",
    ),
    ["strong_threshold"],
  ),
  v.transform((match) => ({
    /** Penalty weights by name; merged over the matcher's defaults. */
    weights: match.weights as Readonly<Record<string, number>>,
    /** Distance at or below which a candidate is a strong match. */
    strongThreshold: match.strong_threshold,
    /** Distance at or below which a candidate is acceptable; above it, rejected. */
    acceptThreshold: match.accept_threshold,
  })),
);
export type MatchSettings = Readonly<v.InferOutput<typeof MatchSettingsSchema>>;
