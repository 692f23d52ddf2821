/**
 * Builds the plan for a library: resolves every source through the source plugins, dedupes, renders targets,
 * marks what is already present, and merges with the saved plan of the previous run.
 */
import { statSync } from "node:fs";
import { FORMATS } from "../audio/formats.ts";
import type { Config, SourceEntry } from "../config/types.ts";
import { UsageError } from "../errors.ts";
import { disambiguatePaths } from "../library/collisions.ts";
import { m3uPathFor } from "../library/m3u.ts";
import { renderTargetPath } from "../library/template.ts";
import { callSource } from "../plugins/call.ts";
import type { AudioFormat, ResolvedSource, TextMatch, TrackMeta } from "../plugins/api.ts";
import type { PluginRegistry } from "../plugins/registry.ts";
import type { LibraryIndex, Store } from "../store/index.ts";
import { checkPlainText } from "../config/text-source.ts";
import { expandLibraryEntries } from "./expand-library.ts";
import { shareAlbumLayouts } from "./album-layouts.ts";
import { resolveSources, type FailedSource } from "./resolve-sources.ts";
import type { DownloadPlan, PlanItem, TrackPlanItem } from "./model.ts";
import { applyPins } from "./apply-pins.ts";
import { buildPlan, computeStats } from "./build-plan.ts";
import { keepItemsOfUnresolvedSources, removedTracks } from "./reconcile.ts";
import { reconcileItem } from "./reconcile-item.ts";
import { checkedSource } from "../plugins/checked-source.ts";
import { trackKey } from "../plugins/track-key.ts";

export interface PrepareOptions {
  readonly config: Config;
  readonly store: Store;
  readonly registry: PluginRegistry;
  readonly signal: AbortSignal;
  /** Save the plan as the library's state (download) or only show it (plan). */
  readonly save: boolean;
}

export interface PreparedPlan {
  readonly plan: DownloadPlan;
  readonly failedSources: readonly FailedSource[];
  readonly warnings: readonly string[];
  /** Tracks the previous plan had and no source lists any more. */
  readonly removed: readonly TrackPlanItem[];
  /** M3U files musicdl wrote under a name the source no longer has (a renamed playlist); removed after the run. */
  readonly renamedM3uFiles: readonly string[];
  readonly libraryKey: string;
  /** What each plain-text entry resolved to, in the order the entries were resolved. */
  readonly textQueries: readonly TextMatch[];
}

export async function preparePlan(options: PrepareOptions): Promise<PreparedPlan> {
  const { config, store, signal } = options;
  const download = config.download;
  const libraryKey = download.outputDir;
  const library = presenceChecked(store.library(libraryKey));
  const expanded = await expandLibraryEntries(config.sources, options.registry, signal);
  const textQueries: TextMatch[] = [];
  const resolved = await resolveSources(expanded.entries, (entry, s) => resolveEntry(entry, options, s, textQueries), {
    concurrency: download.spotifyConcurrency,
    signal,
  });
  const generated = {
    resolved: resolved.resolved,
    failed: [...expanded.failed, ...resolved.failed],
    warnings: [...expanded.warnings, ...resolved.warnings],
  };
  const built = buildPlan(shareAlbumLayouts(generated.resolved), {
    targetFor: (track, context) => indexedPath(library, track, download.format) ?? renderTarget(config, track, context),
    m3uPathFor: (source) =>
      m3uPathFor({ outputDir: download.outputDir, name: source.name, extension: download.m3uExtension }),
    disambiguate: disambiguatePaths,
    isPresent: (track, target) => download.overwrite === "skip" && isPresent(library, track, target, download.format),
  });
  const saved = store.plans.loadPlan<PlanItem>(libraryKey);
  collectGarbage();
  const failedUrls = new Set(generated.failed.map((failure) => failure.entry.url));
  const items = keepItemsOfUnresolvedSources(built.items, saved, failedUrls);
  if (download.overwrite === "metadata") keepSavedMatches(items, saved);
  const finalItems: PlanItem[] = options.save
    ? store.plans.savePlan(libraryKey, { items }, { reconcile: reconcileItem, previous: saved })
    : items;
  // Pins from `match --pin`, then the config's on top: the file is what the user reads.
  applyPins(finalItems, { ...store.pins.all(), ...(download.pins ?? {}) }, (text) =>
    options.registry.findPin(text, download.audioProviders),
  );
  const plan: DownloadPlan = {
    items: finalItems,
    dependencies: built.dependencies,
    stats: { ...computeStats(finalItems, built.stats.tracks + built.stats.duplicatesRemoved) },
  };
  collectGarbage();
  return {
    plan,
    failedSources: generated.failed,
    warnings: generated.warnings,
    removed: removedTracks(finalItems, saved),
    renamedM3uFiles: renamedM3uFiles(finalItems, saved),
    libraryKey,
    textQueries,
  };
}

/**
 * A full collection between phases: resolving leaves every cached source's parsed JSON behind, and saving the
 * saved plan's copy of every track; collected before the next phase allocates, the re-run's peak RSS drops (a
 * 3,000-track re-run from 98 to 86 MB in bench/resync.ts, for about 30 ms).
 */
function collectGarbage(): void {
  Bun.gc(true);
}

function renamedM3uFiles(items: readonly PlanItem[], saved: readonly PlanItem[] | null): string[] {
  const targets = new Map(items.filter((item) => item.kind === "m3u").map((item) => [item.id, item.target]));
  const current = new Set(targets.values());
  return (saved ?? []).flatMap((item) => {
    const now = targets.get(item.id);
    return item.kind === "m3u" && now !== undefined && now !== item.target && !current.has(item.target)
      ? [item.target]
      : [];
  });
}

/**
 * `overwrite: metadata` re-tags files already there; their saved match names the recording each came from, so
 * the re-tag writes its source URL again instead of dropping it.
 */
function keepSavedMatches(items: readonly PlanItem[], saved: readonly PlanItem[] | null): void {
  const matches = new Map(
    saved?.flatMap((item) => (item.kind === "track" && item.match ? [[item.id, item.match] as const] : [])),
  );
  for (const item of items) {
    const match = item.kind === "track" && !item.match ? matches.get(item.id) : undefined;
    if (match && item.kind === "track") item.match = match;
  }
}

async function resolveEntry(
  entry: SourceEntry,
  options: PrepareOptions,
  signal: AbortSignal,
  textQueries: TextMatch[],
): Promise<ResolvedSource> {
  const match = options.registry.findSource(entry.url);
  if (match) {
    return callSource(match.plugin, "resolve", async () =>
      checkedSource(await match.plugin.resolve(match.ref, { signal })),
    );
  }
  const searcher = options.registry.sources.find((source) => source.search);
  if (searcher?.search && entry.section === "songs" && checkPlainText(entry.url).query) {
    const search = searcher.search.bind(searcher);
    const resolution = await callSource(searcher, "search", () => search(entry.url, { signal }));
    textQueries.push(resolution);
    const { track } = resolution;
    return { kind: "track", id: track.id, name: resolution.query, tracks: [track], warnings: [] };
  }
  throw new UsageError(`${entry.url}: no source recognises this link.`, {
    hint: "Use a link of a loaded source (musicdl plugins lists them), or install a source plugin for this site.",
  });
}

function renderTarget(config: Config, track: TrackMeta, context: { playlist?: string; playlistPosition?: number }) {
  return renderTargetPath({
    outputDir: config.download.outputDir,
    template: config.download.output,
    track,
    ctx: { ext: FORMATS[config.download.format].extension, ...context },
  });
}

/**
 * The library index with each track's presence checked once per plan: the target and the skip decision both ask,
 * and on a 10,000-track re-run every extra check is a query and a `stat`.
 */
function presenceChecked(library: LibraryIndex): PresenceIndex {
  const checked = new Map<string, ReturnType<LibraryIndex["isPresentAndComplete"]>>();
  return {
    isPresentAndComplete(key) {
      let presence = checked.get(key);
      if (!presence) {
        presence = library.isPresentAndComplete(key);
        checked.set(key, presence);
      }
      return presence;
    },
  };
}

type PresenceIndex = Pick<LibraryIndex, "isPresentAndComplete">;

/**
 * Where musicdl already put this track, when the file is still there, unchanged and in the configured format: after
 * `format:` changes, the track is written again in the new one (and the old file goes, see replaced-file.ts).
 */
function indexedPath(library: PresenceIndex, track: TrackMeta, format: AudioFormat): string | undefined {
  const presence = library.isPresentAndComplete(trackKey(track));
  return presence.present && presence.format === format ? presence.path : undefined;
}

/** In the index, unchanged and in the format, or a non-empty file at the target an earlier version (or the user) put there. */
function isPresent(library: PresenceIndex, track: TrackMeta, target: string, format: AudioFormat): boolean {
  if (indexedPath(library, track, format) !== undefined) return true;
  try {
    const info = statSync(target);
    return info.isFile() && info.size > 0;
  } catch {
    return false;
  }
}
