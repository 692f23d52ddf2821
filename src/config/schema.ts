/**
 * The `download:` and `match:` sections of musicdl.yaml as one valibot schema each, keys, defaults and transforms
 * together; the keys are grouped in settings/ by the module that reads them. Sources live in entries.ts.
 */
import * as v from "valibot";
import { parsePinTarget } from "../match/pins.ts";
import { parseSpotifyUrl } from "../spotify/url.ts";
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
export { AUDIO_FORMATS, bitrateSchema, formatSchema } from "./settings/library.ts";
export { MatchSettingsSchema } from "./settings/match.ts";

const pinKeys = {
  /** Spotify track link → provider link, `provider:id`, a video id, or `skip` (docs/matching.md, "Pins"). */
  pins: v.nullish(
    v.pipe(
      v.record(v.string(), v.string("expected a provider link like https://music.youtube.com/watch?v=…, or skip")),
      v.check(
        (pins) => Object.keys(pins).every((key) => parseSpotifyUrl(key)?.kind === "track"),
        "expected Spotify track links as keys, like https://open.spotify.com/track/<id>",
      ),
      v.check(
        (pins) => Object.values(pins).every((value) => parsePinTarget(value) !== null),
        "expected a provider link (https://music.youtube.com/watch?v=…, https://youtu.be/…), provider:id, or skip",
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
