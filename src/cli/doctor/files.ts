/** Doctor checks on disk: the library folder takes a new file, the store (cache, plan state) opens and reads. */
import { accessSync, constants, existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { openStore } from "../../store/index.ts";
import { type DoctorCheck, failed, failedWith, passed } from "./check.ts";

/** Writes and removes a probe file; a folder that does not exist yet needs its nearest existing parent writable. */
export function checkOutputDir(outputDir: string): DoctorCheck {
  const fix = `Make ${outputDir} writable for this user, or choose another library folder with --output or download.output.`;
  if (!existsSync(outputDir)) {
    const parent = nearestExisting(outputDir);
    try {
      accessSync(parent, constants.W_OK);
    } catch {
      return failed("output", `${outputDir} does not exist and ${parent} is not writable`, fix);
    }
    return passed("output", `${outputDir} will be created (inside ${parent}, writable)`);
  }
  if (!statSync(outputDir).isDirectory()) return failed("output", `${outputDir} is a file, not a folder`, fix);
  const probe = join(outputDir, `.musicdl-doctor-${process.pid}.tmp`);
  try {
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (error) {
    return failedWith("output", error, fix);
  }
  return passed("output", `${outputDir} is writable`);
}

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** Opens the store as a run would; a store not made yet is not created here, only its folder checked. */
export function checkCache(cachePath: string): DoctorCheck {
  if (!existsSync(cachePath)) {
    const parent = nearestExisting(dirname(cachePath));
    try {
      accessSync(parent, constants.W_OK);
    } catch {
      return failed(
        "cache",
        `${cachePath} cannot be created: ${parent} is not writable`,
        "Set download.cache_path (or XDG_CACHE_HOME) to a writable place.",
      );
    }
    return passed("cache", `${cachePath} will be created on the first run`);
  }
  try {
    const store = openStore(cachePath);
    try {
      const stats = store.stats();
      const held = `${stats.plugins.rows} plugin cache and ${stats.search.rows} search entries, ${stats.library.files} library files`;
      return passed("cache", `${cachePath} opens (${held})`);
    } finally {
      store.close();
    }
  } catch (error) {
    return failedWith(
      "cache",
      error,
      `Check that ${cachePath} is readable and writable; delete it to start over (it holds only caches and plan state).`,
    );
  }
}
