/** Doctor check for plugins: every plugin file loads and every name the config uses exists. */
import type { Config } from "../../config/types.ts";
import { openPlugins } from "../../plugins/open.ts";
import { pluginFilesOf } from "../session.ts";
import { type DoctorCheck, failed, failedWith, passed } from "./check.ts";

export async function checkPlugins(config: Config, ffmpegPath: string | null): Promise<DoctorCheck> {
  const fix = "Fix or remove the plugin file named above (`musicdl plugins` lists what loads), or correct the config.";
  try {
    const { registry, problems, dirs } = await openPlugins({
      pluginsDirs: config.download.pluginsDirs,
      audioProviders: config.download.audioProviders,
      pluginOptions: config.pluginOptions,
      ...pluginFilesOf(config),
      configFile: config.file,
      ffmpegPath,
      // Every broken or missing plugin the config names becomes a listed problem, not just the first one thrown.
      reportOnly: true,
    });
    // Asking for the providers in order is what a download does first: an unknown name fails here too.
    registry.providersInOrder(config.download.audioProviders);
    if (problems.length > 0) {
      const listed = problems.map((problem) => `${problem.name} (${problem.origin}): ${problem.message}`).join("; ");
      return failed("plugins", listed, fix);
    }
    const external = registry.all().filter((plugin) => plugin.origin !== "built-in").length;
    const providers = config.download.audioProviders.join(", ");
    return passed(
      "plugins",
      `${registry.all().length} loaded (${external} external), providers: ${providers}; folders: ${dirs.join(", ")}`,
    );
  } catch (error) {
    return failedWith("plugins", error, fix);
  }
}
