/** Reads one config file's text into validated sections, collecting every problem (with its line) instead of stopping. */
import * as v from "valibot";
import type { ConfigIssue } from "../errors.ts";
import type { SourceEntry } from "./types.ts";
import { foldAliases, TOP_LEVEL_ALIAS_KEYS } from "./aliases.ts";
import { findUnknownKeys } from "./did-you-mean.ts";
import { readSourceSections } from "./entries.ts";
import { describeValue, formatYamlPath, isPlainObject, type Finding } from "./findings.ts";
import { scanYamlLines, type RepeatedKey, type YamlPath } from "./locate-lines.ts";
import { trackKey } from "../plugins/track-key.ts";
import { DownloadSectionSchema, MATCH_KEYS, MatchSettingsSchema, type DownloadSection } from "./schema.ts";
import type { MatchSettings } from "./settings/match.ts";
import { LIST_SECTIONS, type LinkSources, NO_LINK_SOURCES } from "./source-links.ts";
import { checkVersion } from "./check-version.ts";
import { parseYamlText } from "./yaml-text.ts";

export const TOP_LEVEL_KEYS = ["version", "download", ...LIST_SECTIONS, "match", "plugins", ...TOP_LEVEL_ALIAS_KEYS];

export interface ConfigText {
  readonly download: DownloadSection;
  readonly match: MatchSettings;
  readonly sources: readonly SourceEntry[];
  readonly pluginOptions: Readonly<Record<string, unknown>>;
  readonly warnings: readonly ConfigIssue[];
}

export type ConfigTextResult =
  | { readonly ok: true; readonly value: ConfigText }
  | { readonly ok: false; readonly issues: ConfigIssue[] };

export function readConfigText(text: string, links: LinkSources = NO_LINK_SOURCES): ConfigTextResult {
  if (!text.trim() || text.split(/\r?\n/).every((line) => !line.trim() || line.trim().startsWith("#"))) {
    const message =
      'the file is empty. It needs at least `version: "1.2"` and a source list such as `playlists:`; run `musicdl init` to write an example.';
    return { ok: false, issues: [{ path: "", message }] };
  }
  const parsed = parseYamlText(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  if (!isPlainObject(parsed.value)) {
    const message = `expected a map of keys (version:, download:, playlists: …) at the top level, got ${describeValue(parsed.value)}.`;
    return { ok: false, issues: [{ path: "", line: 1, message }] };
  }
  const top = parsed.value;
  const { locate, repeats } = scanYamlLines(text);
  const repeated = repeats.filter((repeat) => isKeyOf(top, repeat.path));
  if (repeated.length > 0) return { ok: false, issues: repeated.map(repeatedKeyIssue) };
  const toIssue = (finding: Finding): ConfigIssue => {
    const line = locate(finding.path) ?? (finding.path.length === 1 ? undefined : locate(finding.path.slice(0, -1)));
    return { path: formatYamlPath(finding.path), ...(line === undefined ? {} : { line }), message: finding.message };
  };

  const version = checkVersion(top.version);
  if (version.legacy) return { ok: false, issues: version.findings.map(toIssue) };

  const findings: Finding[] = [...version.findings, ...findUnknownKeys(top, TOP_LEVEL_KEYS, [], "at the top level")];
  const folded = foldAliases(top);
  findings.push(...folded.issues);
  const download = v.safeParse(DownloadSectionSchema, folded.download);
  if (!download.success)
    findings.push(...valibotFindings(download.issues, ["download"], folded.origins, folded.download));

  const matchValue = top.match ?? {};
  const match = v.safeParse(MatchSettingsSchema, matchValue);
  if (isPlainObject(matchValue)) findings.push(...findUnknownKeys(matchValue, MATCH_KEYS, ["match"], "under `match:`"));
  if (!match.success) findings.push(...valibotFindings(match.issues, ["match"], {}, matchValue));

  const plugins = top.plugins ?? {};
  if (!isPlainObject(plugins)) {
    findings.push({
      path: ["plugins"],
      message: `expected a map of plugin name to its options, got ${describeValue(plugins)}`,
    });
  }
  const pins = download.success ? readPinKeys(download.output.pins, links) : { pins: undefined, findings: [] };
  findings.push(...pins.findings);
  const sources = readSourceSections(top, locate, links);
  findings.push(...sources.issues);

  const warnings = [...folded.warnings, ...sources.warnings].map(toIssue).sort(byLine);
  if (findings.length > 0 || !download.success || !match.success)
    return { ok: false, issues: dedupe(findings.map(toIssue)) };
  return {
    ok: true,
    value: {
      download: pins.pins ? { ...download.output, pins: pins.pins } : download.output,
      match: match.output,
      sources: sources.entries,
      pluginOptions: isPlainObject(plugins) ? plugins : {},
      warnings,
    },
  };
}

/**
 * `download.pins` keys are track links of a source: each is checked by the source plugins and becomes the track's
 * key (`<source>:<id>`), which is what the plan matches pins on.
 */
function readPinKeys(
  pins: Readonly<Record<string, string>> | null | undefined,
  links: LinkSources,
): { pins: Record<string, string> | undefined; findings: Finding[] } {
  if (!pins) return { pins: undefined, findings: [] };
  const byId: Record<string, string> = {};
  for (const [link, target] of Object.entries(pins)) {
    const found = links.match(link);
    if (found?.ref.kind !== "track") {
      const shape = links.links
        ? `${links.links.label} track links as keys, like ${links.links.example("track")}`
        : "track links of a source as keys";
      return { pins: undefined, findings: [{ path: ["download", "pins"], message: `expected ${shape}` }] };
    }
    byId[trackKey({ source: found.source, id: found.ref.id })] = target;
  }
  return { pins: byId, findings: [] };
}

/** Valibot issues as findings at the path the user wrote (an alias's own path when an alias supplied the key). */
function valibotFindings(
  issues: readonly v.BaseIssue<unknown>[],
  prefix: YamlPath,
  origins: Readonly<Record<string, YamlPath>>,
  input: unknown,
): Finding[] {
  return issues.map((issue) => {
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    const first = keys[0];
    const origin = typeof first === "string" ? origins[first] : undefined;
    const path = origin ? [...origin, ...keys.slice(1)] : [...prefix, ...keys];
    const secret = keys.some((key) => typeof key === "string" && /secret|client_id/.test(key));
    const got = issue.path && !secret && input !== undefined ? `, got ${describeValue(issue.input)}` : "";
    return { path, message: `${issue.message}${got}` };
  });
}

/**
 * A key written twice in one map: Bun.YAML keeps the last silently, so a second `playlists:` would drop every
 * source of the first. Checked against the parsed value too, so a line the scanner misread cannot refuse a file.
 */
function repeatedKeyIssue(repeat: RepeatedKey): ConfigIssue {
  const key = String(repeat.path.at(-1));
  const parent = repeat.path.slice(0, -1);
  const where = parent.length === 0 ? "at the top level" : `in ${formatYamlPath(parent)}`;
  const lines =
    repeat.firstLine === repeat.line
      ? `twice on line ${repeat.line}`
      : `(lines ${repeat.firstLine} and ${repeat.line})`;
  const ignored = repeat.firstLine === repeat.line ? "the first" : `line ${repeat.firstLine} and anything under it`;
  const message =
    `\`${key}:\` appears ${repeat.firstLine === repeat.line ? "" : "twice "}${where} ${lines}; YAML keeps only the ` +
    `last, so ${ignored} would be silently ignored. Merge them into one \`${key}:\`.`;
  return { path: formatYamlPath(repeat.path), line: repeat.line, message };
}

function isKeyOf(value: unknown, path: YamlPath): boolean {
  let node = value;
  for (const segment of path.slice(0, -1)) {
    if (typeof segment === "number") node = Array.isArray(node) ? node[segment] : undefined;
    else node = isPlainObject(node) ? node[segment] : undefined;
  }
  return isPlainObject(node) && Object.hasOwn(node, String(path.at(-1)));
}

/** One message per path (a value failing several checks of one rule needs saying once), in file order. */
function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    if (seen.has(issue.path)) return false;
    seen.add(issue.path);
    return true;
  });
  return unique.sort(byLine);
}

function byLine(a: ConfigIssue, b: ConfigIssue): number {
  return (a.line ?? 0) - (b.line ?? 0);
}
