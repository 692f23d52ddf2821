/**
 * Issue 15, finding 7: the lock belongs to the library, not to the cache file. While one run works on a library, a
 * second run on the same library with another cache file exits 3 naming the first, downloads nothing, and its
 * start-up clean-up leaves the first run's in-progress file alone.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempPathBeside } from "../../src/library/atomic-write.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { listFiles } from "../helpers/fake-world-folder.ts";
import { runCli } from "../helpers/run-cli.ts";
import { spawnMusicdl, waitFor } from "../helpers/musicdl-process.ts";

let world: LibraryWorld;
beforeAll(async () => {
  world = await startLibraryWorld();
});
afterAll(() => world.stop());

test("a second run on the same library with another cache file exits 3 and touches nothing", async () => {
  const first = world.writeConfig("shared");
  // The same library, another cache file: the way two cron lines or two containers end up configured.
  const secondConfig = join(world.dir, "shared-other-cache.yaml");
  const otherCache = join(world.dir, "other-state", "musicdl.sqlite");
  writeFileSync(secondConfig, readFileSync(first.configFile, "utf8").replace(first.cachePath, otherCache));

  // The first run stays busy with YouTube for as long as the test needs it to hold the library.
  world.world.youtube.setLatency(60_000);
  const seen = world.world.youtube.requests.length;
  const running = spawnMusicdl(["download", "--config", first.configFile, "--output", first.library], {
    env: world.env,
    cwd: world.dir,
  });
  await waitFor("the first run to reach YouTube", () => world.world.youtube.requests.length > seen);
  // What the first run has in progress in the library at this moment: a converted file being tagged.
  const inProgress = tempPathBeside(join(first.library, "Harbor Lights", "Harbor Lights - Undertow.opus"), {
    keepExtension: true,
  });
  await Bun.write(inProgress, "the first run's half-tagged file");

  const second = await runCli(["download", "--config", secondConfig, "--output", first.library], {
    cwd: world.dir,
    env: world.env,
  });
  expect(second.exitCode).toBe(3);
  expect(second.stderr).toContain(`already working on ${first.library}`);
  expect(`${second.stdout}${second.stderr}`).not.toMatch(/\] done /);
  expect(existsSync(inProgress)).toBe(true);

  expect(listFiles(first.library).filter((file) => file.endsWith(".opus") && file !== inProgress)).toEqual([]);

  running.proc.kill("SIGKILL");
  await running.result();
  world.world.youtube.setLatency(0);
}, 60_000);
