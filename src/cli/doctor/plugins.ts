/** Doctor checks for plugins: every plugin file loads, every name the config uses exists, and each plugin's own check. */
import type { Config } from "../../config/types.ts";
import { callPlugin } from "../../plugins/call.ts";
import { openPlugins } from "../../plugins/open.ts";
import type { PluginRegistry } from "../../plugins/registry.ts";
import { redact } from "../../util/redact.ts";
import { pluginFilesOf } from "../session.ts";
import { type DoctorCheck, failed, failedWith, passed } from "./check.ts";

/** A plugin's check that has not answered by then is listed as failed; a plugin's own timeout should come first. */
const PLUGIN_CHECK_TIMEOUT_MS = 15_000;

/** The `plugins` finding, then what each plugin that has a `check` reports, in load order. */
export async function checkPlugins(config: Config, ffmpegPath: string | null): Promise<DoctorCheck[]> {
  const fix = "Fix or remove the plugin file named above (`musicdl plugins` lists what loads), or correct the config.";
  let registry: PluginRegistry;
  let problems: Awaited<ReturnType<typeof openPlugins>>["problems"];
  let dirs: string[];
  try {
    ({ registry, problems, dirs } = await openPlugins({
      pluginsDirs: config.download.pluginsDirs,
      audioProviders: config.download.audioProviders,
      pluginOptions: config.pluginOptions,
      ...pluginFilesOf(config),
      configFile: config.file,
      ffmpegPath,
      // Every broken or missing plugin the config names becomes a listed problem, not just the first one thrown.
      reportOnly: true,
      // A source's check needs what its run would get: its settings and app credentials.
      settings: config.download,
      credentials: { clientId: config.download.clientId, clientSecret: config.download.clientSecret },
    }));
  } catch (error) {
    return [failedWith("plugins", error, fix)];
  }
  return [loadFinding(config, registry, problems, dirs, fix), ...(await ownChecks(registry))];
}

function loadFinding(
  config: Config,
  registry: PluginRegistry,
  problems: Awaited<ReturnType<typeof openPlugins>>["problems"],
  dirs: readonly string[],
  fix: string,
): DoctorCheck {
  // The problems first: a plugin that failed to start (a bad option, a bad MUSICDL_…_ORIGIN) says why the
  // provider list below would name a provider that is not there.
  if (problems.length > 0) {
    const listed = problems.map((problem) => `${problem.name} (${problem.origin}): ${problem.message}`).join("; ");
    return failed("plugins", listed, fix);
  }
  try {
    // Asking for the providers in order is what a download does first: an unknown name fails here too.
    registry.providersInOrder(config.download.audioProviders);
  } catch (error) {
    return failedWith("plugins", error, fix);
  }
  const external = registry.all().filter((plugin) => plugin.origin !== "built-in").length;
  const providers = config.download.audioProviders.join(", ");
  return passed(
    "plugins",
    `${registry.all().length} loaded (${external} external), providers: ${providers}; folders: ${dirs.join(", ")}`,
  );
}

/** Every plugin's `check`, asked at once; a throw or no answer in time is that plugin's failed check. */
async function ownChecks(registry: PluginRegistry): Promise<DoctorCheck[]> {
  const signal = AbortSignal.timeout(PLUGIN_CHECK_TIMEOUT_MS);
  return Promise.all(
    registry.checkers().map(async (plugin): Promise<DoctorCheck> => {
      const fix = `A problem of the ${plugin.name} plugin; see its documentation.`;
      try {
        const found = await callPlugin(plugin, "check", () => plugin.check({ signal }), { signal });
        const name = found.name ?? plugin.name;
        // A check may quote a service's answer: whatever secret it echoed is redacted here.
        const summary = redact(found.summary);
        return { name, status: found.status, summary, ...(found.fix ? { fix: redact(found.fix) } : {}) };
      } catch (error) {
        return failedWith(plugin.name, error, fix);
      }
    }),
  );
}
