/** The failures list written beside the state database after every run, so a cron user can read what went wrong. */
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../library/atomic-write.ts";
import type { RunSummary } from "./execute.ts";
import type { FailedSource } from "./resolve-sources.ts";

/** Writes (or, after a clean run, empties) the list; returns its path when it lists anything. */
export async function writeFailuresFile(
  cachePath: string,
  libraryKey: string,
  run: { readonly summary: RunSummary; readonly failedSources: readonly FailedSource[] },
): Promise<string | null> {
  const file = join(dirname(cachePath), "last-failures.txt");
  const rows = [
    ...run.summary.failures.map((f) => `${f.id}\t${f.stage}\t${f.label}\t${f.reason}`),
    ...run.failedSources.map((s) => `source\tresolve\t${s.entry.url}\t${s.reason}`),
  ];
  const header = `# musicdl failures for ${libraryKey} at ${new Date().toISOString()}\n`;
  await writeFileAtomic(file, `${header}${rows.join("\n")}${rows.length ? "\n" : ""}`);
  return rows.length ? file : null;
}
