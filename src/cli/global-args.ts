/** Options every command accepts. */
import type { ArgsDef } from "citty";

export const globalArgs = {
  config: {
    type: "string",
    alias: "c",
    description: "Config file (default: ./musicdl.yaml, then $XDG_CONFIG_HOME/musicdl/config.yaml)",
    valueHint: "FILE",
  },
  output: { type: "string", alias: "o", description: "Library folder (default: the current folder)", valueHint: "DIR" },
  format: { type: "string", description: "mp3 | m4a | opus | ogg | flac | wav", valueHint: "FORMAT" },
  bitrate: { type: "string", description: "e.g. 320k, auto, copy", valueHint: "RATE" },
  threads: { type: "string", description: "Parallel track workers", valueHint: "N" },
  debug: { type: "boolean", description: "Verbose logs and stack traces" },
  quiet: { type: "boolean", alias: "q", description: "Only warnings and errors" },
  json: { type: "boolean", description: "Machine-readable output on stdout; logs stay on stderr" },
  // citty reads `--no-plugins` as `plugins: false`.
  plugins: {
    type: "boolean",
    default: true,
    description: "Load external plugins",
    negativeDescription: "Do not load external plugins",
  },
} as const satisfies ArgsDef;

export type GlobalArgs = {
  config?: string;
  output?: string;
  format?: string;
  bitrate?: string;
  threads?: string;
  debug?: boolean;
  quiet?: boolean;
  json?: boolean;
  plugins?: boolean;
};

/** The SOURCES `download` and `plan` take: whatever a loaded source plugin reads (the built-in one reads Spotify's). */
export const sourcesArg = {
  type: "positional",
  required: false,
  description:
    'Links a source plugin reads (Spotify track, album, playlist and artist links), `saved`, `saved-albums`, `followed-artists`, `my-playlists`, or a song as text ("Artist - Title")',
} as const;

export const EXIT_CODES_HELP = `Exit codes: 0 all done · 1 some items failed (the rest finished) · 2 usage or config error ·
3 stopped by a rate limit or auth problem (run again later; it resumes) · 130 interrupted`;
