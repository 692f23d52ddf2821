/** Settles name clashes between loaded plugins: `overrides` replaces deliberately, anything else is a conflict. */
import type { LoadedPlugin } from "./registry.ts";

/** What settling needs of a plugin: its name, what it overrides, where it came from. */
export interface OverrideEntry {
  readonly plugin: { readonly name: string; readonly overrides?: string | undefined };
  readonly origin: string;
}

export type OverrideResult<T extends OverrideEntry = LoadedPlugin> =
  | {
      ok: true;
      loaded: T[];
      aliases: Map<string, string>;
      notes: { entry: T; message: string }[];
    }
  | { ok: false; entry: T; message: string; hint: string };

/**
 * A plugin declaring `overrides: "x"` takes the place (and load position, which matters for sources) of the plugin
 * called `x`; when its own name differs, `x` becomes an alias so `audio_providers: [x]` still finds it. Two plugins
 * with one name and no such declaration are a conflict, as in beets: silently picking one would surprise someone.
 */
export function applyOverrides<T extends OverrideEntry = LoadedPlugin>(instances: readonly T[]): OverrideResult<T> {
  let loaded = [...instances];
  const aliases = new Map<string, string>();
  const notes: { entry: T; message: string }[] = [];
  for (const entry of instances) {
    const target = entry.plugin.overrides;
    if (target === undefined) continue;
    const replaced = loaded.filter((other) => other !== entry && other.plugin.name === target);
    if (replaced.length === 0) {
      notes.push({
        entry,
        message: `overrides "${target}", but no plugin is called that; loaded as "${entry.plugin.name}"`,
      });
      continue;
    }
    const rival = replaced.find((other) => other.plugin.overrides === target);
    if (rival) {
      return {
        ok: false,
        entry,
        message: `both this plugin and ${rival.origin} override "${target}"`,
        hint: "Keep one of them.",
      };
    }
    loaded = loaded.flatMap((other) => {
      if (other === replaced[0]) return [entry];
      return other === entry || replaced.includes(other) ? [] : [other];
    });
    if (entry.plugin.name !== target) aliases.set(target, entry.plugin.name);
  }
  const seen = new Map<string, T>();
  for (const entry of loaded) {
    const first = seen.get(entry.plugin.name);
    if (first) {
      return {
        ok: false,
        entry,
        message: `a plugin called "${entry.plugin.name}" is already loaded (${first.origin})`,
        hint: `Rename one, or declare overrides: "${entry.plugin.name}" in the one that should replace the other.`,
      };
    }
    seen.set(entry.plugin.name, entry);
  }
  return { ok: true, loaded, aliases, notes };
}
