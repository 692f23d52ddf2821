/**
 * Source text of external provider plugins as an author would write them: plain `.ts`, only `import type` from
 * "musicdl/plugin", loaded by the real CLI from a temp folder that has no musicdl (nor node_modules) beside it.
 */

export interface ToneProviderOptions {
  /** Declared `overrides`, to replace a built-in on purpose. */
  readonly overrides?: string;
  /** Runs in the factory after options are parsed (`ctx` and `options` in scope). */
  readonly prelude?: string;
  /** Runs at the start of `search` (`track` in scope). */
  readonly onSearch?: string;
}

/**
 * A provider that "finds" every track exactly as Spotify describes it (title, artists, album, duration), and
 * "downloads" by copying the tone file named in its options (`plugins.<name>.tone`), reporting it as mp3. Its
 * candidate URL is `https://tone.example/<name>/<spotify id>`, so the comment tag shows which provider served a file.
 */
export function toneProviderSource(name: string, options: ToneProviderOptions = {}): string {
  return `import type { AudioCandidate, PluginContext, ProviderPlugin, TrackMeta } from "musicdl/plugin";
import { copyFile, stat } from "node:fs/promises";
import { join } from "node:path";

const NAME = ${JSON.stringify(name)};

export default (ctx: PluginContext) => {
  const v = ctx.v;
  const options = v.parse(v.object({ tone: v.string(), token: v.optional(v.string()), cookie: v.optional(v.string()) }), ctx.options);
  ${options.prelude ?? ""}
  return {
    apiVersion: 1,
    kind: "provider",
    name: NAME,
    version: "0.3.0",
    ${options.overrides ? `overrides: ${JSON.stringify(options.overrides)},` : ""}
    async search(track: TrackMeta, opts): Promise<AudioCandidate[]> {
      opts.signal?.throwIfAborted();
      ${options.onSearch ?? ""}
      return [{
        provider: NAME,
        id: track.id,
        title: track.title,
        artists: [...track.artists],
        album: track.album.name,
        durationMs: track.durationMs,
        kind: "song",
        url: "https://tone.example/" + NAME + "/" + track.id,
      }];
    },
    async download(candidate, tempDir, opts) {
      opts.signal?.throwIfAborted();
      const file = join(tempDir, candidate.id + ".mp3");
      await copyFile(options.tone, file);
      return { file, codec: "mp3", container: "mp3", sizeBytes: (await stat(file)).size };
    },
  } satisfies ProviderPlugin;
};
`;
}

/** A provider module that forgot `search()`. */
export function missingSearchSource(name: string): string {
  return `import type { ProviderPlugin } from "musicdl/plugin";
export default { apiVersion: 1, kind: "provider", name: ${JSON.stringify(name)}, async download() { throw new Error("unused"); } } as unknown as ProviderPlugin;
`;
}

/** A module whose top level throws, as a plugin with a broken dependency would. */
export function throwsOnImportSource(): string {
  return `throw new Error("cannot find the bandcamp session file");
export default {};
`;
}
