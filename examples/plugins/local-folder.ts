/**
 * Example provider: serves audio files from a folder, named `Artist - Title.ext`. Useful offline, and a complete
 * template for a real provider. Copy it into `~/.config/musicdl/plugins/` and configure:
 *
 *   download:
 *     audio_providers: [local-folder, youtube-music]
 *   plugins:
 *     local-folder:
 *       folder: /home/me/Music/rips
 */
import { copyFile, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AudioCandidate, CallOptions, PluginContext, ProviderPlugin } from "musicdl/plugin";

const CONTAINER_BY_EXTENSION: Record<string, string> = {
  ".mp3": "mp3",
  ".m4a": "mp4",
  ".opus": "ogg",
  ".ogg": "ogg",
  ".flac": "flac",
  ".wav": "wav",
  ".webm": "webm",
};

export default (ctx: PluginContext) => {
  // Validate options first: a typo in musicdl.yaml should stop the run with a clear message, not fail every track.
  const options = ctx.v.parse(ctx.v.object({ folder: ctx.v.pipe(ctx.v.string(), ctx.v.minLength(1)) }), ctx.options);
  const ffmpeg = ctx.ffmpegPath ?? "ffmpeg";

  /** What ffmpeg says about a file: duration and audio codec. ffmpeg exits 1 without an output; that is fine. */
  async function probe(file: string, opts: CallOptions): Promise<{ durationMs: number; codec: string }> {
    const proc = Bun.spawn([ffmpeg, "-hide_banner", "-i", file], {
      stdout: "ignore",
      stderr: "pipe",
      signal: opts.signal,
    });
    const text = await new Response(proc.stderr).text();
    await proc.exited;
    opts.signal?.throwIfAborted();
    const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text);
    const codec = /Audio: (\w+)/.exec(text);
    if (!duration || !codec) throw new Error(`ffmpeg cannot read ${basename(file)}`);
    const seconds = Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]);
    return { durationMs: Math.round(seconds * 1000), codec: codec[1]! };
  }

  return {
    apiVersion: 1,
    kind: "provider",
    name: "local-folder",
    version: "1.0.0",
    description: "Audio files from a folder, named `Artist - Title.ext`",

    async search(track, opts) {
      opts.signal?.throwIfAborted();
      const wanted = track.title.toLowerCase();
      const files = (await readdir(options.folder)).filter(
        (name) => extname(name).toLowerCase() in CONTAINER_BY_EXTENSION,
      );
      const candidates: AudioCandidate[] = [];
      // Raw candidates only: the core scores them against the track, so no cleverness here.
      for (const name of files.sort()) {
        const [artist, title] = basename(name, extname(name)).split(" - ", 2);
        if (!title?.toLowerCase().includes(wanted)) continue;
        const file = join(options.folder, name);
        const { durationMs } = await probe(file, opts);
        candidates.push({
          provider: "local-folder",
          id: name,
          title,
          artists: artist!.split(/\s*,\s*/),
          durationMs,
          kind: "song",
          url: pathToFileURL(file).href,
        });
        if (candidates.length >= opts.limit) break;
      }
      ctx.log.debug(`${candidates.length} file(s) match "${track.title}"`);
      return candidates;
    },

    async download(candidate, tempDir, opts) {
      opts.signal?.throwIfAborted();
      // basename: a candidate may come back from the cache; never let its id point outside the folder.
      const source = join(options.folder, basename(candidate.id));
      const file = join(tempDir, `local-folder${extname(candidate.id).toLowerCase()}`);
      await copyFile(source, file);
      const { codec } = await probe(file, opts);
      return { file, codec, container: CONTAINER_BY_EXTENSION[extname(file)]!, sizeBytes: (await stat(file)).size };
    },
  } satisfies ProviderPlugin;
};
