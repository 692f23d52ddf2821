/** `download:` keys that say what lands in the library and where: path template, format, bitrate, overwrite, M3U. */
import { resolve } from "node:path";
import * as v from "valibot";
import { DEFAULT_OUTPUT_TEMPLATE, validateTemplate } from "../../library/template.ts";
import { resolvePath } from "../find-config-file.ts";
import { splitOutputRoot } from "../output-root.ts";
import { oneOf, text } from "../rules.ts";
import type { SettingsContext } from "./context.ts";

export const AUDIO_FORMATS = ["mp3", "m4a", "opus", "ogg", "flac", "wav"] as const;
export const OVERWRITE_MODES = ["skip", "overwrite", "metadata"] as const;
export const M3U_EXTENSIONS = ["m3u8", "m3u"] as const;
export type OverwriteMode = (typeof OVERWRITE_MODES)[number];

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

export const formatSchema = oneOf(AUDIO_FORMATS);

const templateSchema = v.pipe(
  text,
  v.nonEmpty("expected a path template like {artist}/{album}/{title}.{output-ext}"),
  // A typo in a variable is refused with its line before any Spotify request, not once the first track renders.
  v.check(
    (template) => validateTemplate(template).length === 0,
    (issue) => validateTemplate(String(issue.input)).join("; "),
  ),
);

export const libraryKeys = {
  output: v.nullish(templateSchema, DEFAULT_OUTPUT_TEMPLATE),
  format: v.nullish(formatSchema, "mp3"),
  bitrate: v.nullish(bitrateSchema, "128k"),
  overwrite: v.nullish(oneOf(OVERWRITE_MODES), "skip"),
  m3u_extension: v.nullish(oneOf(M3U_EXTENSIONS), "m3u8"),
};
const LibraryKeysSchema = v.object(libraryKeys);

export function librarySettings(file: v.InferOutput<typeof LibraryKeysSchema>, context: SettingsContext) {
  const { cwd, env, overrides } = context;
  const output = splitOutputRoot(file.output, env);
  return {
    /** Output path template, relative to `outputDir`. */
    output: output.template,
    /**
     * Library root: `--output`, else the working directory (earlier versions resolved the template against it).
     * An absolute `output` names its own library folder, and `--output` replaces that.
     */
    outputDir: overrides.output === undefined ? resolve(output.root ?? cwd) : resolvePath(cwd, overrides.output, env),
    format: overrides.format ?? file.format,
    /** `128k`, `320k`…, `auto` (no higher than the source) or `copy` (no re-encode). */
    bitrate: overrides.bitrate ?? file.bitrate,
    overwrite: file.overwrite,
    /** `m3u8` (default) or `m3u`. */
    m3uExtension: file.m3u_extension,
  } as const;
}
export type LibrarySettings = ReturnType<typeof librarySettings>;
