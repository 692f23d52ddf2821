/** Doctor checks the source plugins make themselves (`check()`): the Spotify source's credentials, for one. */
import type { Config } from "../../config/types.ts";
import { openPlugins } from "../../plugins/open.ts";
import { redact } from "../../util/redact.ts";
import { withLegacyCookies } from "../session.ts";
import { type DoctorCheck, failedWith } from "./check.ts";

const FALLBACK_FIX = "Check the plugin's options and credentials (`musicdl plugins` lists what loads).";

/** One finding per source that has `check()`, named after the plugin; loading problems are checkPlugins' to report. */
export async function checkSources(config: Config): Promise<DoctorCheck[]> {
  const { registry } = await openPlugins({
    pluginsDirs: config.download.pluginsDirs,
    pluginOptions: withLegacyCookies(config),
    configFile: config.file,
    reportOnly: true,
    settings: config.download,
    credentials: { clientId: config.download.clientId, clientSecret: config.download.clientSecret },
  });
  return Promise.all(
    registry.sources.flatMap((source) => {
      const check = source.check?.bind(source);
      if (!check) return [];
      return [
        check({})
          .then(
            (result): DoctorCheck => ({
              name: source.name,
              status: result.status,
              summary: redact(result.summary),
              ...(result.fix ? { fix: redact(result.fix) } : {}),
            }),
          )
          .catch((error) => failedWith(source.name, error, FALLBACK_FIX)),
      ];
    }),
  );
}
