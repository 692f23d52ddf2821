/** An `output:` template written as an absolute (or `~/`) path: its fixed leading folders are the library folder. */
import { isAbsolute } from "node:path";
import { type Env, expandHome } from "./find-config-file.ts";

export interface SplitOutput {
  /** The library folder the template names, when it names one. */
  readonly root?: string;
  /** The template inside the library folder. */
  readonly template: string;
}

/**
 * `/music/{artist}/{album}/{title}.{output-ext}` → root `/music`, template `{artist}/{album}/{title}.{output-ext}`.
 * Go-era Docker configs spell the library this way; taking the fixed folders as the library (rather than folders
 * under the working directory) puts the files, the M3U files and the library lock where the user pointed.
 * A relative template is returned as it is.
 */
export function splitOutputRoot(template: string, env: Env): SplitOutput {
  const expanded = expandHome(template.trim(), env);
  if (!isAbsolute(expanded)) return { template };
  const parts = expanded.split(/[\\/]/u);
  let fixed = 1;
  // The last part is the file name, never a folder of the root.
  while (fixed < parts.length - 1 && !parts[fixed]!.includes("{")) fixed++;
  return { root: parts.slice(0, fixed).join("/") || "/", template: parts.slice(fixed).join("/") };
}
