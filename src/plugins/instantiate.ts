/** Turns one plugin module (built-in or file) into a checked plugin object: import, call the factory, validate. */
import * as v from "valibot";
import { describeCause } from "../errors.ts";
import type { Plugin, PluginContext, PluginFactory } from "./api.ts";
import { findPluginProblems } from "./validate.ts";

/** A plugin waiting to be loaded. Its name comes from its file or folder and picks its options (`plugins.<name>`). */
export interface PluginCandidate {
  readonly name: string;
  /** `built-in`, or the absolute path of the file. */
  readonly origin: string;
  /** Resolves to the module's default export. */
  load(): Promise<unknown>;
}

export type InstantiateResult = { ok: true; plugin: Plugin } | { ok: false; message: string };

/** Never throws: every failure comes back as a message saying what to fix. */
export async function instantiatePlugin(
  candidate: PluginCandidate,
  contextFor: (name: string) => PluginContext,
): Promise<InstantiateResult> {
  let exported: unknown;
  try {
    exported = await candidate.load();
  } catch (error) {
    return { ok: false, message: `could not be imported: ${describeCause(error)}` };
  }
  if (exported === undefined) {
    return {
      ok: false,
      message: "has no default export; `export default` a plugin object or a factory `(ctx) => plugin`",
    };
  }
  let plugin: unknown = exported;
  if (typeof exported === "function") {
    try {
      plugin = await (exported as PluginFactory)(contextFor(candidate.name));
    } catch (error) {
      return {
        ok: false,
        message: `plugin "${candidate.name}" failed to start: ${describeStartFailure(candidate.name, error)}`,
      };
    }
  }
  const problems = findPluginProblems(plugin);
  if (problems.length > 0) return { ok: false, message: problems.join("; ") };
  const checked = plugin as Plugin;
  if (checked.name !== candidate.name) {
    const where = candidate.origin === "built-in" ? `plugins/${candidate.name}/` : `${candidate.name}.ts`;
    return {
      ok: false,
      message: `the plugin calls itself "${checked.name}" but is loaded as "${candidate.name}" (${where}); its file or folder name must match, since it picks the options (plugins.${checked.name})`,
    };
  }
  return { ok: true, plugin: checked };
}

/** A factory that validated its options with `ctx.v` throws a ValiError; name the option path it complains about. */
function describeStartFailure(name: string, error: unknown): string {
  if (error instanceof v.ValiError) {
    return (error.issues as v.BaseIssue<unknown>[])
      .map((issue) => {
        const path = v.getDotPath(issue);
        return `plugins.${name}${path ? `.${path}` : ""}: ${issue.message}`;
      })
      .join("; ");
  }
  return describeCause(error);
}
