/** Reads `songs:`, `albums:`, `playlists:`, `artists:` in all three entry forms, and the SOURCES given on the command line. */
import type { SourceEntry } from "./types.ts";
import { checkLink, LIST_SECTIONS, type LinkSources, type ListSection, NO_LINK_SOURCES } from "./source-links.ts";
import { findUnknownKeys } from "./did-you-mean.ts";
import { parseFlag } from "./schema.ts";
import { describeValue, formatYamlPath, isPlainObject, quoteText, type Finding } from "./findings.ts";
import type { LineLocator, YamlPath } from "./locate-lines.ts";

const EXTENDED_KEYS = ["name", "url", "create_m3u"];
const ENTRY_FORMS = 'a link, a one-key map `"Label": link`, or a map with `name`, `url` and optional `create_m3u`';

export interface SourcesResult {
  readonly entries: SourceEntry[];
  readonly issues: Finding[];
  readonly warnings: Finding[];
}

interface RawEntry {
  readonly name?: string;
  readonly url: string;
  /** Where the link itself is written. */
  readonly urlPath: YamlPath;
  readonly createM3u?: boolean;
}

/** Every entry of the four sections in file order, with duplicates dropped (and warned about). */
export function readSourceSections(
  top: Record<string, unknown>,
  locate: LineLocator,
  links: LinkSources = NO_LINK_SOURCES,
): SourcesResult {
  const result: SourcesResult = { entries: [], issues: [], warnings: [] };
  const seen = new Map<string, YamlPath>();
  for (const section of LIST_SECTIONS) {
    for (const { path, value } of listEntries(top[section], section, result.issues)) {
      const raw = readEntry(value, path, result.issues);
      if (!raw) continue;
      const check = checkLink(raw.url, section, links);
      if (!check.ok) {
        result.issues.push({ path: raw.urlPath, message: check.message });
        continue;
      }
      const first = seen.get(check.identity);
      if (first) {
        const firstLine = locate(first);
        const at = `${formatYamlPath(first)}${firstLine === undefined ? "" : ` (line ${firstLine})`}`;
        result.warnings.push({ path, message: `repeats ${at}; it is read once.` });
        continue;
      }
      seen.set(check.identity, path);
      result.entries.push(toSourceEntry(raw, section, check.section, locate(path), path, result.warnings));
    }
  }
  return result;
}

/** The entries of one section, whether written as a list or as a `label: link` map. */
function listEntries(value: unknown, section: ListSection, issues: Finding[]): { path: YamlPath; value: unknown }[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((item, index) => ({ path: [section, index], value: item }));
  if (isPlainObject(value)) {
    return Object.entries(value).map(([label, link]) => ({
      path: [section, label],
      // A map section's value may itself be an extended entry; the key is then its label.
      value: isPlainObject(link) ? { name: label, ...link } : { [label]: link },
    }));
  }
  issues.push({
    path: [section],
    message: `expected a list of entries (each ${ENTRY_FORMS}), got ${describeValue(value)}`,
  });
  return [];
}

function readEntry(value: unknown, path: YamlPath, issues: Finding[]): RawEntry | null {
  if (typeof value === "string") return { url: value, urlPath: path };
  if (value === null || value === undefined) {
    issues.push({ path, message: `empty entry; write ${ENTRY_FORMS}, or remove the line.` });
    return null;
  }
  if (!isPlainObject(value)) {
    issues.push({ path, message: `expected ${ENTRY_FORMS}, got ${describeValue(value)}` });
    return null;
  }
  const keys = Object.keys(value);
  const [onlyKey] = keys;
  if (keys.length === 1 && onlyKey !== undefined && !EXTENDED_KEYS.includes(onlyKey)) {
    return readLabelledEntry(onlyKey, value[onlyKey], path, issues);
  }
  return readExtendedEntry(value, path, issues);
}

/** `"YYZ": https://…` */
function readLabelledEntry(label: string, link: unknown, path: YamlPath, issues: Finding[]): RawEntry | null {
  const urlPath = path.at(-1) === label ? path : [...path, label];
  if (link === null || link === undefined) return { name: label, url: "", urlPath };
  if (typeof link !== "string") {
    issues.push({ path: urlPath, message: `entry ${quoteText(label)}: expected a link, got ${describeValue(link)}` });
    return null;
  }
  return { name: label, url: link, urlPath };
}

/** `{name, url, create_m3u}`; any other key is an error naming the entry. */
function readExtendedEntry(value: Record<string, unknown>, path: YamlPath, issues: Finding[]): RawEntry | null {
  const { name, url, create_m3u: createM3u } = value;
  const label = typeof name === "string" || typeof name === "number" ? String(name) : undefined;
  const entry = label === undefined ? `entry ${formatYamlPath(path)}` : `entry ${quoteText(label)}`;
  const unknown = findUnknownKeys(value, EXTENDED_KEYS, path, `in ${entry}`);
  issues.push(...unknown.map((issue) => ({ ...issue, message: `${issue.message} An entry is ${ENTRY_FORMS}.` })));
  if (name !== undefined && name !== null && label === undefined) {
    issues.push({ path: [...path, "name"], message: `${entry}: \`name\` should be text, got ${describeValue(name)}` });
  }
  if (createM3u !== undefined && createM3u !== null && parseFlag(createM3u) === undefined) {
    issues.push({
      path: [...path, "create_m3u"],
      message: `${entry}: \`create_m3u\` should be true or false, got ${describeValue(createM3u)}`,
    });
  }
  if (url !== undefined && url !== null && typeof url !== "string") {
    issues.push({ path: [...path, "url"], message: `${entry}: \`url\` should be a link, got ${describeValue(url)}` });
  }
  if (url === undefined) issues.push({ path, message: `${entry} has no \`url\`; add the link it stands for.` });
  // Other mistakes in the entry are already reported; still check its link so every problem shows at once.
  if (url !== undefined && url !== null && typeof url !== "string") return null;
  if (url === undefined) return null;
  return {
    name: label,
    url: typeof url === "string" ? url : "",
    urlPath: "url" in value ? [...path, "url"] : path,
    createM3u: parseFlag(createM3u),
  };
}

function toSourceEntry(
  raw: RawEntry,
  listSection: ListSection,
  section: SourceEntry["section"],
  line: number | undefined,
  path: YamlPath,
  warnings: Finding[],
): SourceEntry {
  const writesM3u = listSection === "playlists" || listSection === "albums";
  if (raw.createM3u === true && !writesM3u) {
    warnings.push({
      path: [...path, "create_m3u"],
      message: `\`create_m3u\` is ignored under \`${listSection}:\`; only playlists and albums write M3U files.`,
    });
  }
  const createM3u = writesM3u ? (raw.createM3u ?? listSection === "playlists") : false;
  return {
    section,
    ...(raw.name === undefined ? {} : { name: raw.name }),
    url: raw.url.trim(),
    createM3u,
    ...(line === undefined ? {} : { line }),
  };
}
