/** The top-level `musicdl` command. Subcommands load lazily so --version/--help stay fast. */
import { defineCommand } from "citty";
import { VERSION } from "../version.ts";
import { EXIT_CODES_HELP } from "./global-args.ts";

/**
 * One line per command for `musicdl --help`. Listing them from here means the top-level help loads no command
 * module (and so no store, sqlite or plugins); each command's own `--help` shows its full description.
 */
export const COMMAND_SUMMARIES = {
  download: "Download what the config (or the SOURCES given) lists; a re-run only does what changed",
  plan: "Show what download would do: tracks, duplicates removed, already present, to download",
  match: "Show the candidates for one Spotify track, their scores and why each won or lost",
  init: "Write a commented starter musicdl.yaml",
  plugins: "List loaded plugins and the ones skipped",
  cache: "Inspect or empty musicdl's cache file",
  auth: "Spotify user login for your liked songs, saved albums, followed artists and playlists",
  doctor: "Check ffmpeg, Spotify credentials, folders, plugins and YouTube Music, with a fix for each problem",
} as const;

export const mainCommand = defineCommand({
  meta: {
    name: "musicdl",
    version: VERSION,
    description: `Keep a local music library in step with Spotify.\n\n${EXIT_CODES_HELP}`,
  },
  subCommands: {
    download: () => import("./commands/download.ts").then((m) => m.default),
    plan: () => import("./commands/plan.ts").then((m) => m.default),
    match: () => import("./commands/match.ts").then((m) => m.default),
    init: () => import("./commands/init.ts").then((m) => m.default),
    plugins: () => import("./commands/plugins.ts").then((m) => m.default),
    cache: () => import("./commands/cache.ts").then((m) => m.default),
    auth: () => import("./commands/auth.ts").then((m) => m.default),
    doctor: () => import("./commands/doctor.ts").then((m) => m.default),
  },
});
