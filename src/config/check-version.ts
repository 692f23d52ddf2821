/** Checks `version:`; the 1.0/1.1 (spotDL-era) layout is refused with the steps to migrate. */
import type { Finding } from "./findings.ts";
import { describeValue } from "./findings.ts";

export interface VersionCheck {
  readonly findings: Finding[];
  /** A 1.0/1.1 file: other messages would only add noise next to "migrate it". */
  readonly legacy: boolean;
}

const MIGRATE =
  'Migrate it: set `version: "1.2"`, move top-level `retries:` to `download:` as `max_retries:` and `threads:` ' +
  "into `download:`, and keep `songs:`, `albums:`, `playlists:`, `artists:` as lists of links " +
  "(docs/config.md shows every form; `musicdl init` writes a fresh example).";

export function checkVersion(value: unknown): VersionCheck {
  // YAML reads `version: 1.2` as a number and `version: "1.2"` as text; both mean 1.2.
  const text = typeof value === "number" ? value.toFixed(1) : typeof value === "string" ? value.trim() : undefined;
  if (text === "1.2") return { findings: [], legacy: false };
  if (value === undefined || value === null) {
    return {
      findings: [{ path: ["version"], message: 'missing `version`; add `version: "1.2"` as the first line.' }],
      legacy: false,
    };
  }
  if (text === "1.0" || text === "1.1" || text === "1") {
    return {
      findings: [
        { path: ["version"], message: `this is a version ${text} file, which musicdl no longer reads. ${MIGRATE}` },
      ],
      legacy: true,
    };
  }
  return {
    findings: [
      {
        path: ["version"],
        message: `unsupported version ${describeValue(value)}; this musicdl reads \`version: "1.2"\`.`,
      },
    ],
    legacy: false,
  };
}
