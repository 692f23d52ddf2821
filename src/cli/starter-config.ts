/** The commented starter config `musicdl init` writes. Every key shown is optional except `version`. */
import { DEFAULT_OUTPUT } from "../config/build-settings.ts";

export const STARTER_CONFIG = `# musicdl config — see docs/config.md for every key.
version: "1.2"

download:
  # Spotify app credentials: create an app at https://developer.spotify.com/dashboard
  # (Redirect URI for \`musicdl auth login\`: http://127.0.0.1:8888/callback).
  # The environment variables SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET win over these.
  # client_id: ""
  # client_secret: ""
  output: "${DEFAULT_OUTPUT}"
  format: mp3            # mp3 | m4a | opus | ogg | flac | wav
  bitrate: 128k          # 320k…, auto (no higher than the source), copy (no re-encode)
  threads: 4
  overwrite: skip        # skip | metadata | overwrite
  audio_providers: [youtube-music, youtube]
  spotify_max_wait: 10m  # longer Spotify pauses stop the run (exit 3); run again later to resume

# Each list takes a URL, a one-key map "Label": URL, or {name, url, create_m3u}.
songs: []
albums: []
playlists: []
artists: []              # discography: albums and singles
`;
