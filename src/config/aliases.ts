/** Folds the Go-era aliases (`spotify:`, top-level `threads`, `rate_limits:`) into `download:` and drops retired keys with a warning. */
import { DOWNLOAD_KEYS } from "./schema.ts";
import { findUnknownKeys } from "./did-you-mean.ts";
import { describeValue, isPlainObject, type Finding } from "./findings.ts";
import type { YamlPath } from "./locate-lines.ts";

export interface FoldedDownload {
  /** `download:` with aliases applied; retired keys removed. */
  readonly download: Record<string, unknown>;
  /** Where a download key was really written when an alias supplied it, so messages point at the right line. */
  readonly origins: Readonly<Record<string, YamlPath>>;
  readonly issues: Finding[];
  readonly warnings: Finding[];
}

/** Sections of the Go version that this musicdl does not have. */
const RETIRED_SECTIONS: Readonly<Record<string, string>> = {
  ui: "the web UI and its history",
  plex: "Plex playlist sync",
  graph: "the Neo4j graph",
};

/** `download:` keys that changed nothing or only fed yt-dlp. */
export const RETIRED_DOWNLOAD_KEYS: Readonly<Record<string, string>> = {
  plan_generation_enabled: "plans are always generated",
  plan_optimization_enabled: "plans are always optimized",
  plan_execution_enabled: "plans are always executed",
  plan_persistence_enabled: "plan state is always saved",
  plan_status_reporting_enabled: "status is always reported",
  cookies_from_browser: "it was a yt-dlp option; use `cookies:` with a cookies.txt file",
  js_runtimes: "it was a yt-dlp option",
  remote_components: "it was a yt-dlp option",
};

/** Go-era top-level maps whose keys stand for `download:` keys. */
export const ALIAS_SECTIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  spotify: { client_id: "client_id", client_secret: "client_secret" },
  rate_limits: {
    spotify_retries: "spotify_max_retries",
    youtube_retries: "max_retries",
    youtube_bandwidth: "download_bandwidth_limit",
  },
};

export const TOP_LEVEL_ALIAS_KEYS = ["spotify", "threads", "rate_limits", ...Object.keys(RETIRED_SECTIONS)];

export function foldAliases(top: Record<string, unknown>): FoldedDownload {
  const issues: Finding[] = [];
  const warnings: Finding[] = [];
  const origins: Record<string, YamlPath> = {};
  const download: Record<string, unknown> = {};

  const section = top.download;
  if (isPlainObject(section)) Object.assign(download, section);
  else if (section !== undefined && section !== null) {
    issues.push({
      path: ["download"],
      message: `expected a map of settings (key: value lines), got ${describeValue(section)}`,
    });
  }

  for (const [key, reason] of Object.entries(RETIRED_DOWNLOAD_KEYS)) {
    if (!(key in download)) continue;
    delete download[key];
    warnings.push({
      path: ["download", key],
      message: `\`${key}\` is no longer used (${reason}); it is ignored and can be removed.`,
    });
  }
  const retiredDownloadKeys = Object.keys(RETIRED_DOWNLOAD_KEYS);
  issues.push(
    ...findUnknownKeys(download, [...DOWNLOAD_KEYS, ...retiredDownloadKeys], ["download"], "under `download:`"),
  );

  // Go-era aliases won over the `download:` keys they stand for; they still do.
  const moveIn = (from: YamlPath, key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    download[key] = value;
    origins[key] = from;
  };
  for (const [name, aliases] of Object.entries(ALIAS_SECTIONS)) foldMap(top, name, aliases, issues, moveIn);
  moveIn(["threads"], "threads", top.threads);

  for (const [key, what] of Object.entries(RETIRED_SECTIONS)) {
    if (!(key in top)) continue;
    warnings.push({
      path: [key],
      message: `\`${key}:\` (${what}) is not supported by this musicdl; the section is ignored.`,
    });
  }
  return { download, origins, issues, warnings };
}

/** Copies each aliased key of the map at `top[name]` into download, reporting unknown keys and non-maps. */
function foldMap(
  top: Record<string, unknown>,
  name: string,
  aliases: Readonly<Record<string, string>>,
  issues: Finding[],
  moveIn: (from: YamlPath, key: string, value: unknown) => void,
): void {
  const value = top[name];
  if (value === undefined || value === null) return;
  if (!isPlainObject(value)) {
    issues.push({
      path: [name],
      message: `expected a map with ${Object.keys(aliases).join(", ")}, got ${describeValue(value)}`,
    });
    return;
  }
  issues.push(...findUnknownKeys(value, Object.keys(aliases), [name], `under \`${name}:\``));
  for (const [alias, key] of Object.entries(aliases)) moveIn([name, alias], key, value[alias]);
}
