/** Settles name clashes between loaded plugins: `overrides` replaces deliberately, anything else is a conflict. */
import type { LoadedPlugin } from "./registry.ts";

export type OverrideResult =
  | {
      ok: true;
      loaded: LoadedPlugin[];
      aliases: Map<string, string>;
      notes: { entry: LoadedPlugin; message: string }[];
    }
  | { ok: false; entry: LoadedPlugin; message: string; hint: string };

/**
 * A plugin declaring `overrides: "x"` takes the place (and load position, which matters for sources) of the plugin
 * called `x`; when its own name differs, `x` becomes an alias so `audio_providers: [x]` still finds it. Two plugins
 * with one name and no such declaration are a conflict, as in beets: silently picking one would surprise someone.
 */
export function applyOverrides(instances: readonly LoadedPlugin[]): OverrideResult {
  let loaded = [...instances];
  const aliases = new Map<string, string>();
  const notes: { entry: LoadedPlugin; message: string }[] = [];
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
  const seen = new Map<string, LoadedPlugin>();
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
