/** Valibot schemas for the settings sections of musicdl.yaml (`download:`, `match:`); sources live in entries.ts. */
import * as v from "valibot";
import { AUDIO_FORMATS } from "../audio/formats.ts";
import { validateTemplate } from "../library/template.ts";
import { readPinText } from "../match/pins.ts";
import { parseSpotifyUrl } from "../spotify/url.ts";
import { byteRateSchema, durationSchema } from "./durations.ts";

export const OVERWRITE_MODES = ["skip", "overwrite", "metadata"] as const;
export const M3U_EXTENSIONS = ["m3u8", "m3u"] as const;
export const LYRICS_OUTPUTS = ["embed", "lrc", "both"] as const;

/** A number, or a number written as text (`threads: "4"`): the Python version's pydantic accepted both. */
function numberLike(message: string) {
  const numericText = v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number));
  return v.union([v.number(), numericText], message);
}

/** A whole number in a range, with one message that says the range. */
function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  const message =
    max === Number.MAX_SAFE_INTEGER
      ? `expected a whole number, ${min} or more`
      : `expected a whole number from ${min} to ${max}`;
  return v.pipe(numberLike(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

const YAML11_FLAGS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  on: true,
  false: false,
  no: false,
  off: false,
};

/**
 * true/false, also spelled yes/no/on/off: the Python version read YAML 1.1 (PyYAML), where those are booleans,
 * while Bun's YAML 1.2 parser returns them as text. Undefined when the value is none of these.
 */
export function parseFlag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return typeof value === "string" ? YAML11_FLAGS[value.trim().toLowerCase()] : undefined;
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return v.picklist(values, `expected one of ${values.join(", ")}`);
}

const flag = v.pipe(
  v.union([v.boolean(), v.string()], "expected true or false"),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseFlag(dataset.value);
    if (parsed !== undefined) return parsed;
    addIssue({ message: "expected true or false" });
    return NEVER;
  }),
);
const text = v.string("expected text");

/** `1`, `"a"` or a list of them: origin files wrote single providers and plugin folders without a list. */
function stringOrList(what: string) {
  const message = `expected ${what} or a list of them`;
  return v.pipe(
    v.union([v.string(), v.array(v.string())], message),
    v.transform((value) => (typeof value === "string" ? [value] : value)),
    v.check((list) => list.every((item) => item.trim() !== ""), `${message}, none empty`),
  );
}

/**
 * `download.lyrics`: lyrics plugin names in the order asked (`lrclib` or a list), or `false` (also no/off) for no
 * lyrics; `true` means the default list. The result is the list, empty when off, or null for "the default".
 */
const lyricsProvidersSchema = v.pipe(
  v.union([v.boolean(), v.string(), v.array(v.string())], "expected false, a lyrics plugin name, or a list of them"),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    const asFlag = typeof value === "boolean" ? value : typeof value === "string" ? parseFlag(value) : undefined;
    if (asFlag !== undefined) return asFlag ? null : [];
    const list = typeof value === "string" ? [value] : (value as string[]);
    if (list.some((name) => typeof name !== "string" || name.trim() === "")) {
      addIssue({ message: "expected false, a lyrics plugin name, or a list of them, none empty" });
      return NEVER;
    }
    return list.map((name) => name.trim());
  }),
);

/** ffmpeg bitrate: `320k`, `auto` (no higher than the source), `copy`; origin `disable` meant `copy`. */
const BITRATE_EXPECTED = "expected a bitrate like 128k or 320k (with the k), or auto, or copy";
/** What any of our lossy encoders accepts; a format's own narrower range is checked in bitrate-range.ts. */
export const BITRATE_LIMITS_KBPS = { min: 8, max: 510 } as const;
const BITRATE_OUT_OF_RANGE = `expected a bitrate from ${BITRATE_LIMITS_KBPS.min}k to ${BITRATE_LIMITS_KBPS.max}k, or auto, or copy`;
export const bitrateSchema = v.pipe(
  v.string(BITRATE_EXPECTED),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^(\d+k|auto|copy|disable)$/, BITRATE_EXPECTED),
  // 0k or 999999k passed here once, and then every track failed at ffmpeg: refuse it before the run.
  v.check((value) => {
    if (!value.endsWith("k")) return true;
    const kbps = Number.parseInt(value, 10);
    return kbps >= BITRATE_LIMITS_KBPS.min && kbps <= BITRATE_LIMITS_KBPS.max;
  }, BITRATE_OUT_OF_RANGE),
  v.transform((value) => (value === "disable" ? "copy" : value)),
);

export const threadsSchema = wholeNumber(1, 16);
export const formatSchema = oneOf(AUDIO_FORMATS);

/** Every `download:` key after aliases are folded in; null means "use the default" except for the bandwidth cap. */
export const DownloadSectionSchema = v.object({
  client_id: v.nullish(text),
  client_secret: v.nullish(text),
  threads: v.nullish(threadsSchema),
  max_retries: v.nullish(wholeNumber(0, 100)),
  format: v.nullish(formatSchema),
  bitrate: v.nullish(bitrateSchema),
  output: v.nullish(
    v.pipe(
      text,
      v.nonEmpty("expected a path template like {artist}/{album}/{title}.{output-ext}"),
      // A typo in a variable is refused with its line before any Spotify request, not once the first track renders.
      v.check(
        (template) => validateTemplate(template).length === 0,
        (issue) => validateTemplate(String(issue.input)).join("; "),
      ),
    ),
  ),
  audio_providers: v.nullish(stringOrList("a provider name")),
  overwrite: v.nullish(oneOf(OVERWRITE_MODES)),
  cache_max_size: v.nullish(wholeNumber(0)),
  cache_ttl: v.nullish(durationSchema),
  audio_search_cache_max_size: v.nullish(wholeNumber(0)),
  audio_search_cache_ttl: v.nullish(durationSchema),
  file_existence_cache_max_size: v.nullish(wholeNumber(0)),
  file_existence_cache_ttl: v.nullish(durationSchema),
  spotify_max_retries: v.nullish(wholeNumber(0, 100)),
  spotify_retry_base_delay: v.nullish(durationSchema),
  spotify_retry_max_delay: v.nullish(durationSchema),
  spotify_rate_limit_enabled: v.nullish(flag),
  spotify_rate_limit_requests: v.nullish(wholeNumber(1)),
  spotify_rate_limit_window: v.nullish(durationSchema),
  spotify_max_wait: v.nullish(durationSchema),
  spotify_concurrency: v.nullish(wholeNumber(1, 64)),
  download_rate_limit_enabled: v.nullish(flag),
  download_rate_limit_requests: v.nullish(wholeNumber(1)),
  download_rate_limit_window: v.nullish(durationSchema),
  download_bandwidth_limit: v.optional(byteRateSchema),
  search_concurrency: v.nullish(wholeNumber(1, 64)),
  download_concurrency: v.nullish(wholeNumber(1, 64)),
  ffmpeg_concurrency: v.nullish(wholeNumber(1, 64)),
  ffmpeg_stall_timeout: v.nullish(
    v.pipe(
      durationSchema,
      v.minValue(1, "expected at least 1 second, e.g. 60s or 5m (a conversion needs time to start)"),
    ),
  ),
  cookies: v.nullish(text),
  plugins_dir: v.nullish(stringOrList("a folder path")),
  cache_path: v.nullish(v.pipe(text, v.nonEmpty("expected a file path"))),
  m3u_extension: v.nullish(oneOf(M3U_EXTENSIONS)),
  /** Spotify track link → provider link, `provider:id`, a video id, or `skip` (docs/matching.md, "Pins"). */
  pins: v.nullish(
    v.pipe(
      v.record(v.string(), v.string("expected a provider's link to a recording, provider:id, or skip")),
      v.check(
        (pins) => Object.keys(pins).every((key) => parseSpotifyUrl(key)?.kind === "track"),
        "expected Spotify track links as keys, like https://open.spotify.com/track/<id>",
      ),
      v.check(
        // Which provider a link belongs to is the providers' to say, once they are loaded (the session asks them).
        (pins) => Object.values(pins).every((value) => readPinText(value) !== null),
        "expected a provider's link to a recording, provider:id, or skip",
      ),
    ),
  ),
  lyrics: v.nullish(lyricsProvidersSchema),
  lyrics_output: v.nullish(oneOf(LYRICS_OUTPUTS)),
  market: v.nullish(
    v.pipe(text, v.trim(), v.toUpperCase(), v.regex(/^[A-Z]{2}$/, "expected a two-letter country code like US or DE")),
  ),
});
export type DownloadSection = v.InferOutput<typeof DownloadSectionSchema>;

const weight = v.pipe(numberLike("expected a number, 0 or more"), v.minValue(0, "expected a number, 0 or more"));
const fraction = v.pipe(
  numberLike("expected a number from 0 to 1"),
  v.minValue(0, "expected a number from 0 to 1"),
  v.maxValue(1, "expected a number from 0 to 1"),
);

export const MatchSectionSchema = v.pipe(
  v.object({
    weights: v.nullish(v.record(v.string(), weight, "expected a map of penalty name to weight")),
    strong_threshold: v.nullish(fraction),
    accept_threshold: v.nullish(fraction),
  }),
  v.forward(
    v.check(
      (match) => (match.strong_threshold ?? 0.15) <= (match.accept_threshold ?? 0.35),
      "strong_threshold must not be above accept_threshold (a strong match is also an acceptable one)",
    ),
    ["strong_threshold"],
  ),
);
export type MatchSection = v.InferOutput<typeof MatchSectionSchema>;

/** Known keys per section, for "unknown key" errors; derived from the schemas so they never drift. */
export const DOWNLOAD_KEYS: readonly string[] = Object.keys(DownloadSectionSchema.entries);
export const MATCH_KEYS: readonly string[] = ["weights", "strong_threshold", "accept_threshold"];
