/** The top-level `musicdl` command. Subcommands load lazily so --version/--help stay fast. */
import { defineCommand } from "citty";
import { VERSION } from "../version.ts";
import { EXIT_CODES_HELP } from "./global-args.ts";

export const mainCommand = defineCommand({
  meta: {
    name: "musicdl",
    version: VERSION,
    description: `Keep a local music library in step with Spotify.\n\n${EXIT_CODES_HELP}`,
  },
  subCommands: {
    download: () => import("./commands/download.ts").then((m) => m.default),
    plan: () => import("./commands/plan.ts").then((m) => m.default),
    init: () => import("./commands/init.ts").then((m) => m.default),
    plugins: () => import("./commands/plugins.ts").then((m) => m.default),
    cache: () => import("./commands/cache.ts").then((m) => m.default),
    auth: () => import("./commands/auth.ts").then((m) => m.default),
    doctor: () => import("./commands/doctor.ts").then((m) => m.default),
  },
});
