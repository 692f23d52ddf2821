/** Valibot schemas for seconds written as numbers or durations (`30s`, `10m`, `2h`, `7d`) and for byte rates. */
import * as v from "valibot";

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i;

/** Seconds from `90`, `1.5`, `"30s"`, `"10m"`, `"2h"`, `"7d"`; undefined when the text is not a duration. */
export function parseDurationS(value: number | string): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  const match = DURATION.exec(value.trim());
  if (!match?.[1]) return undefined;
  return Number(match[1]) * (SECONDS_PER_UNIT[(match[2] ?? "s").toLowerCase()] ?? 1);
}

const DURATION_EXPECTED = "expected seconds as a number, or a duration like 30s, 10m, 2h, 7d";

/** A non-negative number of seconds; accepts the duration strings above. */
export const durationSchema = v.pipe(
  v.union([v.number(), v.string()], DURATION_EXPECTED),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const seconds = parseDurationS(dataset.value);
    if (seconds === undefined) {
      addIssue({ message: DURATION_EXPECTED });
      return NEVER;
    }
    return seconds;
  }),
);

const BYTES_PER_UNIT: Readonly<Record<string, number>> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const BYTE_RATE = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?(?:\/s)?$/i;
const BYTE_RATE_EXPECTED =
  "expected bytes per second as a number (1048576), a size like 1M or 500K, or null (or 0) for no limit";

/** Bytes per second from `1048576`, `"500K"`, `"1M"`; null means unlimited. */
export const byteRateSchema = v.pipe(
  v.union([v.number(), v.string(), v.null()], BYTE_RATE_EXPECTED),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    // 0 meant "no limit" to some earlier users; null is the documented spelling.
    if (value === null || value === 0) return null;
    if (typeof value === "number") {
      if (value > 0) return Math.round(value);
      addIssue({ message: BYTE_RATE_EXPECTED });
      return NEVER;
    }
    const match = BYTE_RATE.exec(value.trim());
    if (!match?.[1] || Number(match[1]) <= 0) {
      addIssue({ message: BYTE_RATE_EXPECTED });
      return NEVER;
    }
    return Math.round(Number(match[1]) * (BYTES_PER_UNIT[(match[2] ?? "").toLowerCase()] ?? 1));
  }),
);
