/** `musicdl plan [SOURCES...]`: show what download would do, without downloading. */
import { defineCommand } from "citty";
import { MusicdlError } from "../../errors.ts";
import { loadConfig } from "../../config/load.ts";
import { log } from "../../log.ts";
import { EXIT_CODES_HELP, globalArgs } from "../global-args.ts";

export default defineCommand({
  meta: {
    name: "plan",
    description: `Show the plan: tracks, duplicates removed, already present, to download.\n\nExamples:\n  musicdl plan\n  musicdl plan https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M -o ~/Music\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    sources: { type: "positional", required: false, description: "Spotify URLs/URIs (track, album, playlist, artist) or `saved`" },
    ...globalArgs,
  },
  async run({ args }) {
    const config = await loadConfig({
      configPath: args.config,
      cwd: process.cwd(),
      env: process.env,
      cliSources: args._.map(String),
      overrides: { output: args.output, format: args.format, bitrate: args.bitrate, threads: args.threads },
    });
    for (const warning of config.warnings) log.warn(warning);
    throw new MusicdlError("plan is not wired yet");
  },
});
