/** Turns the checked `download:` section into the settings a run reads, adding where the file is, the environment and the flags. */
import type { DownloadSection } from "./schema.ts";
import type { DownloadSettings } from "./types.ts";
import type { SettingsContext } from "./settings/context.ts";
import { executorSettings } from "./settings/executor.ts";
import { librarySettings } from "./settings/library.ts";
import { lyricsSettings } from "./settings/lyrics.ts";
import { pluginSettings } from "./settings/plugins.ts";
import { providerHttpSettings } from "./settings/provider-http.ts";
import { spotifySettings } from "./settings/spotify.ts";
import { cacheSettings } from "./settings/caches.ts";

/** Every default is already in `file` (the schema put it there); this only applies the context. */
export function buildDownloadSettings(file: DownloadSection, context: SettingsContext): DownloadSettings {
  return {
    ...spotifySettings(file, context),
    ...executorSettings(file, context),
    ...librarySettings(file, context),
    ...pluginSettings(file, context),
    ...cacheSettings(file, context),
    ...providerHttpSettings(file),
    ...lyricsSettings(file),
    /** `download.pins`: track key (`<source>:<id>`, made from the link by read-config-text.ts) → pin target. */
    pins: file.pins ?? {},
  };
}
