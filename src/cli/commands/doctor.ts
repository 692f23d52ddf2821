/** `musicdl doctor [--json]`: checks what a download needs (ffmpeg, folders, plugins and their services) and how to fix each. */
import { defineCommand } from "citty";
import { jsonDocument } from "../../util/json-document.ts";
import { setLogLevel } from "../../log.ts";
import type { DoctorCheck } from "../doctor/check.ts";
import { renderDoctorReport } from "../doctor/check.ts";
import { loadDoctorConfig } from "../doctor/config.ts";
import { checkEncoders, checkFfmpeg } from "../doctor/ffmpeg.ts";
import { checkCache, checkOutputDir } from "../doctor/files.ts";
import { checkPlugins } from "../doctor/plugins.ts";
import { globalArgs } from "../global-args.ts";

export default defineCommand({
  meta: {
    name: "doctor",
    description:
      "Check that everything a download needs is in place, and say how to fix what is not.\n" +
      "Each plugin with a check of its own sends a request or two (a source's token request, a provider's page).\n\n" +
      "Examples:\n  musicdl doctor\n  musicdl doctor --json | jq '.checks[] | select(.status == \"fail\")'\n\n" +
      "Exit codes: 0 everything needed is in place · 1 something is missing (see `fix:`)",
  },
  args: {
    config: globalArgs.config,
    output: globalArgs.output,
    json: globalArgs.json,
  },
  async run({ args }) {
    // Findings are the output; log lines from the modules checked would only repeat them.
    setLogLevel("quiet");
    const { config, check: configCheck } = await loadDoctorConfig(args);
    const ffmpeg = await checkFfmpeg(process.env);
    const checks: DoctorCheck[] = [configCheck, ...ffmpeg.checks];
    if (ffmpeg.location) checks.push(await checkEncoders(ffmpeg.location.ffmpeg, config.download.format));
    // The plugins' own checks (the sources' credentials, the providers' reachability) ask the network.
    const plugins = await checkPlugins(config, ffmpeg.location?.ffmpeg ?? null);
    checks.push(checkOutputDir(config.download.outputDir), checkCache(config.download.cachePath), ...plugins);
    const ok = checks.every((check) => check.status !== "fail");
    process.stdout.write(
      args.json ? `${JSON.stringify(jsonDocument({ ok, checks }), null, 2)}\n` : renderDoctorReport(checks),
    );
    process.exitCode = ok ? 0 : 1;
  },
});
