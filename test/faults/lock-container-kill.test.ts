/**
 * Issue 15, finding 6: a run OOM-killed (`kill -9`) in a container — another host name, pid 1 of its own pid
 * namespace — leaves its lock. Once the lock's heartbeat is older than the stale interval, the next run takes it over
 * with a warning and completes (and `--wait` waits for exactly that), instead of exiting 3 forever. The killed run's
 * silence is simulated by ageing the heartbeat it wrote, so the test need not sit out two real minutes.
 * Needs root for the namespaces (CI is root); without it, the killed run is on this host and its dead pid frees it.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isTempName } from "../../src/library/atomic-write.ts";
import { LOCK_FILE_NAME, STALE_AFTER_MS } from "../../src/store/library-lock.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { listFiles } from "../helpers/fake-world-folder.ts";
import { canRunInContainer, spawnMusicdl, waitFor } from "../helpers/musicdl-process.ts";

const inContainer = canRunInContainer();
let world: LibraryWorld;
beforeAll(async () => {
  world = await startLibraryWorld();
});
afterAll(() => world.stop());

/** Starts a download, lets it get as far as searching YouTube (lock taken, library being worked on), kills it. */
async function killMidRun(name: string) {
  const paths = world.writeConfig(name);
  world.world.youtube.setLatency(60_000);
  const seen = world.world.youtube.requests.length;
  const run = spawnMusicdl(["download", "--config", paths.configFile, "--output", paths.library], {
    env: world.env,
    cwd: world.dir,
    ...(inContainer ? { container: `container-${name}` } : {}),
  });
  await waitFor("the run to reach YouTube", () => world.world.youtube.requests.length > seen);
  run.proc.kill("SIGKILL");
  await run.result();
  world.world.youtube.setLatency(0);
  return paths;
}

/** What the passing of time does to a dead holder's lock: its last heartbeat moves `ageMs` into the past. */
function ageHeartbeat(library: string, ageMs: number) {
  const file = join(library, LOCK_FILE_NAME);
  if (!existsSync(file)) return;
  const record = JSON.parse(readFileSync(file, "utf8"));
  writeFileSync(file, JSON.stringify({ ...record, heartbeatAtMs: Date.now() - ageMs }));
}

test(`a lock left by a run killed ${inContainer ? "in a container (pid 1, another host)" : "on this host"} is taken over with a warning, and the run completes`, async () => {
  const { configFile, library } = await killMidRun("oom");
  ageHeartbeat(library, STALE_AFTER_MS + 60_000);
  const next = spawnMusicdl(["download", "--config", configFile, "--output", library], {
    env: world.env,
    cwd: world.dir,
    timeoutMs: 50_000,
  });
  const { exitCode, stderr } = await next.result();
  expect(stderr).toContain("Taking over the lock");
  expect(exitCode).toBe(0);
  const files = listFiles(library);
  expect(files.filter((file) => file.endsWith(".opus")).length).toBeGreaterThan(0);
  expect(files.filter((file) => isTempName(file.split("/").pop()!))).toEqual([]);
  expect(existsSync(join(library, LOCK_FILE_NAME))).toBe(false);
}, 60_000);

test("--wait waits for a killed container run's lock to go stale, then completes", async () => {
  const { configFile, library } = await killMidRun("wait");
  // Two seconds short of stale: a --wait run must wait those out, not forever.
  ageHeartbeat(library, STALE_AFTER_MS - 2_000);
  const next = spawnMusicdl(["download", "--wait", "--config", configFile, "--output", library], {
    env: world.env,
    cwd: world.dir,
    timeoutMs: 40_000,
  });
  const { exitCode, stderr } = await next.result();
  if (inContainer) expect(stderr).toContain("Waiting for musicdl pid 1 on container-wait");
  expect(exitCode).toBe(0);
  expect(listFiles(library).filter((file) => file.endsWith(".opus")).length).toBeGreaterThan(0);
}, 60_000);
