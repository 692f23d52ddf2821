/** A PluginContext for built-in tagger tests: real valibot, a silent logger, temp dirs. */
import * as v from "valibot";
import type { PluginContext } from "musicdl/plugin";
import { FFMPEG } from "../helpers/make-tone.ts";
import { coreContextMembers } from "../helpers/plugin-core.ts";

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export function taggerContext(dir: string): PluginContext {
  return {
    log: silent,
    http: { fetch: () => Promise.reject(new Error("taggers make no HTTP requests")) },
    options: undefined,
    v,
    dirs: { cache: dir, temp: dir },
    ffmpegPath: FFMPEG,
    musicdlVersion: "0.0.0-test",
    ...coreContextMembers(),
  };
}
