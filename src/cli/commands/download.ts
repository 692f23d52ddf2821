/** `musicdl download [SOURCES...]`: resolve, match, download, convert, tag, write M3U. */
import { defineCommand } from "citty";
import { MusicdlError } from "../../errors.ts";
import { loadConfig } from "../../config/load.ts";
import { log } from "../../log.ts";
import { EXIT_CODES_HELP, globalArgs } from "../global-args.ts";

export default defineCommand({
  meta: {
    name: "download",
    description: `Download what the config (or the SOURCES given) lists.\n\nExamples:\n  musicdl download\n  musicdl download https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M -o ~/Music\n\n${EXIT_CODES_HELP}`,
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
    throw new MusicdlError("download is not wired yet");
  },
});
