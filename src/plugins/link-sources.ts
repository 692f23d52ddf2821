/** What the loaded source plugins say about links, in the shape the config's link checks ask for. */
import type { LinkSources } from "../config/source-links.ts";
import type { SourcePlugin } from "./api.ts";
import { callPluginSync } from "./call.ts";

/** Sources are asked in load order: the first reason to refuse, the first match, the first link shapes win. */
export function linkSourcesOf(sources: readonly SourcePlugin[]): LinkSources {
  return {
    refuse(link, list) {
      for (const source of sources) {
        const refuse = source.refuse?.bind(source);
        const reason = refuse ? callPluginSync(source, "refuse", () => refuse(link, list)) : null;
        if (reason) return reason;
      }
      return null;
    },
    match(link) {
      for (const source of sources) {
        const ref = callPluginSync(source, "match", () => source.match(link));
        if (ref) return { source: source.name, ref };
      }
      return null;
    },
    ...(sources.find((source) => source.links) ? { links: sources.find((source) => source.links)!.links } : {}),
  };
}

/**
 * The source plugins a config's links are checked against, before the config (which names plugin folders and
 * options) is read: the built-ins and the plugins in the default folders, each with an options-free context. Only
 * `refuse`, `match` and `links` are used, all offline; a broken plugin is left to the real load to report.
 */
export async function openLinkSources(options: { readonly noExternal?: boolean } = {}): Promise<LinkSources> {
  const { openPlugins } = await import("./open.ts");
  // Quiet: the run's own load reports a broken plugin once.
  const { registry } = await openPlugins({ noExternal: options.noExternal, reportOnly: true, warn: () => undefined });
  return linkSourcesOf(registry.sources);
}
