/** `musicdl plan [SOURCES...]`: show what download would do, without downloading. */
import { defineCommand } from "citty";
import { log } from "../../log.ts";
import { preparePlan } from "../../plan/prepare.ts";
import { describeTextResolution } from "../../match/track-choice.ts";
import { planToJson, textQueriesToJson } from "../../plan/to-json.ts";
import { EXIT_CODES_HELP, globalArgs, sourcesArg } from "../global-args.ts";
import { renderPlanTable } from "../plan-table.ts";
import { asStoreWriteError } from "../../store/index.ts";
import { jsonDocument } from "../../util/json-document.ts";
import { closeAfter, openSession } from "../session.ts";
import { logSourceStats, sourceStats } from "../../plugins/source-stats.ts";

export default defineCommand({
  meta: {
    name: "plan",
    description: `Show the plan: tracks, duplicates removed, already present, to download.\n\nExamples:\n  musicdl plan\n  musicdl plan --json | jq '.stats'\n  musicdl plan <playlist link> -o ~/Music\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    sources: sourcesArg,
    ...globalArgs,
  },
  async run({ args }) {
    const session = await openSession({ args });
    let failed = false;
    try {
      const prepared = await preparePlan({
        config: session.config,
        store: session.store,
        registry: session.registry,
        signal: new AbortController().signal,
        save: false,
      });
      for (const warning of prepared.warnings) log.warn(warning);
      for (const resolution of prepared.textQueries) log.info(describeTextResolution(resolution));
      for (const failure of prepared.failedSources) log.error(failure.reason);
      if (args.json) {
        const output = jsonDocument({
          ...planToJson(prepared.plan),
          failedSources: prepared.failedSources.map((f) => ({ url: f.entry.url, reason: f.reason })),
          textQueries: textQueriesToJson(prepared.textQueries),
          ...sourceStats(session.registry.sources),
        });
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      } else {
        process.stdout.write(renderPlanTable(prepared.plan, session.config.download.outputDir));
      }
      if (args.debug) logSourceStats(session.registry.sources);
      if (prepared.failedSources.length > 0) process.exitCode = 1;
    } catch (error) {
      failed = true;
      throw asStoreWriteError(error, session.store.path);
    } finally {
      await closeAfter(session, failed);
    }
  },
});
