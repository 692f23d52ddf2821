/** `download:` keys the lyrics stage reads: which lyrics plugins are asked, in order, and where lyrics go. */
import * as v from "valibot";
import { oneOf, parseFlag } from "../rules.ts";

export const LYRICS_OUTPUTS = ["embed", "lrc", "both"] as const;
/** Where lyrics go: embedded in the tags, an `.lrc` file beside the audio, or both. */
export type LyricsOutput = (typeof LYRICS_OUTPUTS)[number];

/** LRCLIB needs no key, so lyrics are on unless the config says `lyrics: false`. */
const DEFAULT_LYRICS_PROVIDERS = ["lrclib"] as const;

/**
 * `download.lyrics`: lyrics plugin names in the order asked (`lrclib` or a list), or `false` (also no/off) for no
 * lyrics; `true` means the default list. The result is the list, empty when off.
 */
const lyricsProvidersSchema = v.pipe(
  v.union([v.boolean(), v.string(), v.array(v.string())], "expected false, a lyrics plugin name, or a list of them"),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const value = dataset.value;
    const asFlag = typeof value === "boolean" ? value : typeof value === "string" ? parseFlag(value) : undefined;
    if (asFlag !== undefined) return asFlag ? [...DEFAULT_LYRICS_PROVIDERS] : [];
    const list = typeof value === "string" ? [value] : (value as string[]);
    if (list.some((name) => typeof name !== "string" || name.trim() === "")) {
      addIssue({ message: "expected false, a lyrics plugin name, or a list of them, none empty" });
      return NEVER;
    }
    return list.map((name) => name.trim());
  }),
);

export const lyricsKeys = {
  lyrics: v.nullish(lyricsProvidersSchema, () => [...DEFAULT_LYRICS_PROVIDERS]),
  lyrics_output: v.nullish(oneOf(LYRICS_OUTPUTS), "both"),
};
const LyricsKeysSchema = v.object(lyricsKeys);

export function lyricsSettings(file: v.InferOutput<typeof LyricsKeysSchema>) {
  return {
    /** Lyrics plugins in the order asked; empty when lyrics are off (`lyrics: false`). */
    lyricsProviders: file.lyrics,
    lyricsOutput: file.lyrics_output,
  } as const;
}
export type LyricsSettings = ReturnType<typeof lyricsSettings>;
