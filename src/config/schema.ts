/**
 * The `download:` and `match:` sections of musicdl.yaml as one valibot schema each, keys, defaults and transforms
 * together; the keys are grouped in settings/ by the module that reads them. Sources live in entries.ts.
 */
import * as v from "valibot";
import { readPinText } from "../match/pins.ts";
import { executorKeys } from "./settings/executor.ts";
import { libraryKeys } from "./settings/library.ts";
import { lyricsKeys } from "./settings/lyrics.ts";
import { matchKeys, MatchSettingsSchema, type MatchSettings } from "./settings/match.ts";
import { pluginKeys } from "./settings/plugins.ts";
import { providerHttpKeys } from "./settings/provider-http.ts";
import { spotifyKeys } from "./settings/spotify.ts";
import { cacheKeys } from "./settings/caches.ts";

// Names other modules have imported from here since before the keys moved to settings/.
export { parseFlag } from "./rules.ts";
export { threadsSchema } from "./settings/executor.ts";
export { AUDIO_FORMATS } from "../audio/formats.ts";
export { bitrateSchema, formatSchema } from "./settings/library.ts";
export { MatchSettingsSchema } from "./settings/match.ts";

const pinKeys = {
  /**
   * A source's track link → provider link, `provider:id`, a video id, or `skip` (docs/matching.md, "Pins"). The
   * keys are checked by the loaded source plugins (read-config-text.ts), which also turn them into track keys.
   */
  pins: v.nullish(
    v.pipe(
      v.record(v.string(), v.string("expected a provider's link to a recording, provider:id, or skip")),
      v.check(
        // Which provider a link belongs to is the providers' to say, once they are loaded (the session asks them).
        (pins) => Object.values(pins).every((value) => readPinText(value) !== null),
        "expected a provider's link to a recording, provider:id, or skip",
      ),
    ),
  ),
};

/** Every `download:` key after aliases are folded in, each with its default; run context is applied in build-settings.ts. */
export const DownloadSectionSchema = v.object({
  ...spotifyKeys,
  ...executorKeys,
  ...libraryKeys,
  ...pluginKeys,
  ...cacheKeys,
  ...providerHttpKeys,
  ...lyricsKeys,
  ...pinKeys,
});
export type DownloadSection = v.InferOutput<typeof DownloadSectionSchema>;

/** The `download:` and `match:` of a file that sets nothing (or of no file): every default. */
export function defaultSections(): { download: DownloadSection; match: MatchSettings } {
  return { download: v.parse(DownloadSectionSchema, {}), match: v.parse(MatchSettingsSchema, {}) };
}

/** Known keys per section, for "unknown key" errors; derived from the schemas so they never drift. */
export const DOWNLOAD_KEYS: readonly string[] = Object.keys(DownloadSectionSchema.entries);
export const MATCH_KEYS: readonly string[] = Object.keys(matchKeys);
