/** Finds the ffmpeg (and ffprobe) executables musicdl runs: MUSICDL_FFMPEG, then ffmpeg-static, then PATH. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "../errors.ts";

export interface FfmpegLocation {
  readonly ffmpeg: string;
  /** null when no ffprobe was found; probing then falls back to parsing `ffmpeg -i`. */
  readonly ffprobe: string | null;
  readonly origin: "env" | "ffmpeg-static" | "path";
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Resolves ffmpeg-static's binary path, or null when the package is absent or has no binary for this platform. */
export type FfmpegStaticLoader = () => Promise<string | null>;

const cache = new WeakMap<Env, Promise<FfmpegLocation>>();

/**
 * Where ffmpeg lives, found once per environment object and cached.
 *
 * @example
 * ```ts
 * const { ffmpeg, ffprobe, origin } = await findFfmpeg(); // { ffmpeg: "/usr/bin/ffmpeg", origin: "path", … }
 * ```
 */
export function findFfmpeg(
  env: Env = process.env,
  loadFfmpegStatic: FfmpegStaticLoader = importFfmpegStatic,
): Promise<FfmpegLocation> {
  let found = cache.get(env);
  if (!found) {
    found = locate(env, loadFfmpegStatic);
    cache.set(env, found);
    found.catch(() => cache.delete(env)); // a failure is re-checked next time (the user may install ffmpeg)
  }
  return found;
}

async function locate(env: Env, loadFfmpegStatic: FfmpegStaticLoader): Promise<FfmpegLocation> {
  const override = env.MUSICDL_FFMPEG;
  if (override) {
    if (!existsSync(override)) {
      throw new UsageError(`MUSICDL_FFMPEG points to ${override}, which does not exist.`, {
        hint: "Set MUSICDL_FFMPEG to the full path of an ffmpeg executable, or unset it to use ffmpeg from PATH.",
      });
    }
    return { ffmpeg: override, ffprobe: findFfprobe(override, env), origin: "env" };
  }
  const bundled = await loadFfmpegStatic().catch(() => null);
  if (bundled && existsSync(bundled))
    return { ffmpeg: bundled, ffprobe: findFfprobe(bundled, env), origin: "ffmpeg-static" };
  const onPath = Bun.which("ffmpeg", { PATH: env.PATH ?? "" });
  if (onPath) return { ffmpeg: onPath, ffprobe: findFfprobe(onPath, env), origin: "path" };
  throw new UsageError(
    "ffmpeg was not found: the optional ffmpeg-static package is not installed and no ffmpeg is on PATH.",
    {
      hint:
        "Install ffmpeg (Debian/Ubuntu: `sudo apt-get install ffmpeg`, macOS: `brew install ffmpeg`), " +
        "or set MUSICDL_FFMPEG to the path of an ffmpeg executable.",
    },
  );
}

/** ffprobe beside the chosen ffmpeg (same build), else the one on PATH. ffmpeg-static ships no ffprobe. */
function findFfprobe(ffmpeg: string, env: Env): string | null {
  const name = process.platform === "win32" ? "ffprobe.exe" : "ffprobe";
  const sibling = join(dirname(ffmpeg), name);
  if (existsSync(sibling)) return sibling;
  return Bun.which("ffprobe", { PATH: env.PATH ?? "" });
}

async function importFfmpegStatic(): Promise<string | null> {
  // A computed specifier keeps `bun build --compile` from bundling this optional package: `--minify` folds a plain
  // string constant into import("ffmpeg-static"), and the build then fails where the package is not installed. Its
  // path would point inside the bundle anyway, so a compiled binary never uses it (MUSICDL_FFMPEG or PATH instead).
  const specifier = ["ffmpeg", "static"].join("-");
  const module: { default?: unknown } = await import(specifier);
  return typeof module.default === "string" ? module.default : null;
}
