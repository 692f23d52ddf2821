/** The commented starter config `musicdl init` writes. Every key shown is optional except `version`, and set to its default. */
import { defaultSections } from "../config/schema.ts";
import { AUDIO_FORMATS, OVERWRITE_MODES } from "../config/settings/library.ts";

const defaults = defaultSections().download;

/** `600` → `10m`: the starter shows durations the way a person writes them. */
function asDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** `key: value` with its comment in the column the starter's comments share. */
function line(key: string, value: string, comment?: string): string {
  const setting = `  ${key}: ${value}`;
  return comment === undefined ? setting : `${setting.padEnd(25)}# ${comment}`;
}

export const STARTER_CONFIG = `# musicdl config — see docs/config.md for every key.
version: "1.2"

download:
  # Spotify app credentials: create an app at https://developer.spotify.com/dashboard
  # (Redirect URI for \`musicdl auth login\`: http://127.0.0.1:8888/callback).
  # The environment variables SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET win over these.
  # client_id: ""
  # client_secret: ""
${line("output", JSON.stringify(defaults.output))}
${line("format", defaults.format, AUDIO_FORMATS.join(" | "))}
${line("bitrate", defaults.bitrate, "320k…, auto (no higher than the source), copy (no re-encode)")}
${line("threads", String(defaults.threads))}
${line("overwrite", defaults.overwrite, OVERWRITE_MODES.join(" | "))}
${line("audio_providers", `[${defaults.audio_providers.join(", ")}]`)}
${line("spotify_max_wait", asDuration(defaults.spotify_max_wait), "longer Spotify pauses stop the run (exit 3); run again later to resume")}

# Each list takes a URL, a one-key map "Label": URL, or {name, url, create_m3u}.
songs: []
albums: []
playlists: []
artists: []              # discography: albums and singles
`;
