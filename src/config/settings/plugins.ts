/** `download:` keys the plugin loader reads (src/plugins/open.ts): providers in order, plugin folders, cookies. */
import * as v from "valibot";
import { resolvePath } from "../find-config-file.ts";
import { stringOrList, text } from "../rules.ts";
import type { SettingsContext } from "./context.ts";

export const pluginKeys = {
  // The origin defaulted to youtube-music alone; plain YouTube now backs it up for recordings Music lacks.
  audio_providers: v.nullish(stringOrList("a provider name"), () => ["youtube-music", "youtube"]),
  plugins_dir: v.nullish(stringOrList("a folder path"), () => []),
  cookies: v.nullish(text),
};
const PluginKeysSchema = v.object(pluginKeys);

export function pluginSettings(file: v.InferOutput<typeof PluginKeysSchema>, { baseDir, env }: SettingsContext) {
  const cookies = file.cookies?.trim() ? resolvePath(baseDir, file.cookies, env) : undefined;
  return {
    audioProviders: file.audio_providers,
    /** Absolute plugin folders from `plugins_dir`. */
    pluginsDirs: file.plugins_dir.map((dir) => resolvePath(baseDir, dir, env)),
    /** Netscape cookies.txt for the YouTube providers. */
    ...(cookies === undefined ? {} : { cookies }),
  } as const;
}
export type PluginSettings = ReturnType<typeof pluginSettings>;
