/**
 * The library lock belongs to the library folder (issue 15, findings 6 and 7): any store, any host, any pid
 * namespace. Holders refresh a heartbeat; a silent holder is taken over after the stale interval, with a warning.
 */
import { expect, test } from "bun:test";
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LibraryLockedError, openStore } from "../../src/store/index.ts";
import { acquireLibraryLock, LOCK_FILE_NAME, STALE_AFTER_MS } from "../../src/store/library-lock.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

/** What a run killed in another container leaves: its own host name, pid 1 of its own pid namespace. */
function containerLock(library: string, heartbeatAtMs: number) {
  writeFileSync(
    join(library, LOCK_FILE_NAME),
    JSON.stringify({
      pid: 1,
      hostname: "4f2a9c1be7d3",
      pidNamespace: "pid:[4026532999]",
      token: "container-run",
      startedAtMs: heartbeatAtMs - 3_600_000,
      heartbeatAtMs,
    }),
  );
}

test("two stores (different cache files) cannot both lock one library folder", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  const first = openStore(join(dir.path, "a.sqlite"), { log: createRecordingLog() });
  const second = openStore(join(dir.path, "b.sqlite"), { log: createRecordingLog() });
  const lock = await first.acquireLibraryLock(library, { wait: false });
  const error = await second.acquireLibraryLock(library, { wait: false }).catch((e) => e);
  expect(error).toBeInstanceOf(LibraryLockedError);
  expect(error.message).toContain(`pid ${process.pid}`);
  lock.release();
  (await second.acquireLibraryLock(library, { wait: false })).release();
  first.close();
  second.close();
});

test("a container's lock is honoured while its heartbeat is fresh and taken over with a warning once it stopped", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  const clock = createFakeClock();
  const log = createRecordingLog();
  (await acquireLibraryLock(library, { wait: false }, log, clock)).release();
  containerLock(library, clock.now() - STALE_AFTER_MS + 5_000);
  const error = await acquireLibraryLock(library, { wait: false }, log, clock).catch((e) => e);
  expect(error).toBeInstanceOf(LibraryLockedError);
  expect(error.message).toContain("pid 1 on 4f2a9c1be7d3");
  expect(error.hint).toContain("2 minutes");
  clock.advance(5_000);
  const lock = await acquireLibraryLock(library, { wait: false }, log, clock);
  expect(log.warnings).toEqual([
    expect.stringContaining("pid 1 on 4f2a9c1be7d3 that held it has given no sign of life"),
  ]);
  expect(JSON.parse(readFileSync(join(library, LOCK_FILE_NAME), "utf8")).pid).toBe(process.pid);
  lock.release();
});

test("with wait, a run waits for a silent container's lock to go stale, then takes it", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  const clock = createFakeClock();
  const log = createRecordingLog();
  (await acquireLibraryLock(library, { wait: false }, log, clock)).release();
  containerLock(library, clock.now());
  const lock = await acquireLibraryLock(library, { wait: true, pollMs: 10_000 }, log, clock);
  expect(log.infos).toEqual([expect.stringContaining("Waiting for musicdl pid 1 on 4f2a9c1be7d3")]);
  expect(log.warnings).toHaveLength(1);
  lock.release();
});

test("a holder refreshes its heartbeat while it runs, so it is never taken for gone", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  const log = createRecordingLog();
  const lock = await acquireLibraryLock(library, { wait: false, heartbeatMs: 20 }, log);
  const first = JSON.parse(readFileSync(join(library, LOCK_FILE_NAME), "utf8")).heartbeatAtMs;
  await Bun.sleep(120);
  const later = JSON.parse(readFileSync(join(library, LOCK_FILE_NAME), "utf8")).heartbeatAtMs;
  expect(later).toBeGreaterThan(first);
  lock.release();
  expect(log.warnings).toEqual([]);
});

test("a lock file that is not a record counts as a holder last seen when it was written", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  const log = createRecordingLog();
  (await acquireLibraryLock(library, { wait: false }, log)).release();
  writeFileSync(join(library, LOCK_FILE_NAME), "{ cut sh");
  await expect(acquireLibraryLock(library, { wait: false }, log)).rejects.toBeInstanceOf(LibraryLockedError);
  const clock = createFakeClock(Date.now() + STALE_AFTER_MS + 1000);
  (await acquireLibraryLock(library, { wait: false }, log, clock)).release();
  expect(log.warnings).toHaveLength(1);
});

test("two runs taking over one stale lock at once: exactly one gets it", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  const module = join(import.meta.dir, "..", "..", "src", "store", "library-lock.ts");
  (await acquireLibraryLock(library, { wait: false }, createRecordingLog())).release();
  const outcomes: string[] = [];
  for (let round = 0; round < 5; round++) {
    containerLock(library, Date.now() - STALE_AFTER_MS - 60_000);
    const script = `
      import { acquireLibraryLock } from ${JSON.stringify(module)};
      const log = { info() {}, warn() {} };
      try {
        const lock = await acquireLibraryLock(process.env.LIBRARY, { wait: false }, log);
        process.stdout.write("acquired");
        await Bun.sleep(300);
        lock.release();
      } catch (error) { process.stdout.write(error.name); }
    `;
    const runs = [0, 1].map(() =>
      Bun.spawn([process.execPath, "-e", script], { env: { ...process.env, LIBRARY: library }, stdout: "pipe" }),
    );
    const said = await Promise.all(runs.map((run) => new Response(run.stdout).text()));
    outcomes.push(said.sort().join(" "));
  }
  expect(outcomes).toEqual(Array(5).fill("LibraryLockedError acquired"));
});

test("the lock's own scratch files left by a killed run are removed once old; fresh ones are not", async () => {
  using dir = createTempDir();
  const library = join(dir.path, "library");
  (await acquireLibraryLock(library, { wait: false }, createRecordingLog())).release();
  const old = join(library, `${LOCK_FILE_NAME}.${crypto.randomUUID()}.heartbeat`);
  const fresh = join(library, `${LOCK_FILE_NAME}.${crypto.randomUUID()}.new`);
  writeFileSync(old, "{}");
  writeFileSync(fresh, "{}");
  const longAgo = new Date(Date.now() - STALE_AFTER_MS - 60_000);
  utimesSync(old, longAgo, longAgo);
  (await acquireLibraryLock(library, { wait: false }, createRecordingLog())).release();
  expect(readdirSync(library)).toEqual([fresh.split("/").pop()!]);
});
