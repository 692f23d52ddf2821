import { expect, test } from "bun:test";
import { join } from "node:path";
import { LibraryLockedError, openStore } from "../../src/store/index.ts";
import { systemClock } from "../../src/util/clock.ts";
import { createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const STORE_MODULE = join(import.meta.dir, "..", "..", "src", "store", "index.ts");

/** A real second process: opens the store and takes the lock, then does what `then` says. */
function spawnLocker(
  library: string,
  storePath: string,
  then: "hold-until-stdin-closes" | "try" | "wait" | "exit-without-release",
) {
  const script = `
    import { openStore, releaseOnExit } from ${JSON.stringify(STORE_MODULE)};
    const say = (line) => process.stdout.write(line + "\\n");
    const log = { info: () => say("waiting"), warn: (m) => say("warn " + m), debug: () => {} };
    const store = openStore(process.env.STORE_PATH, { log });
    const mode = process.env.MODE;
    try {
      const lock = await store.acquireLibraryLock(process.env.LIBRARY, { wait: mode === "wait", pollMs: 20 });
      say("acquired " + process.pid);
      if (mode === "exit-without-release") { releaseOnExit(lock); process.exit(0); }
      if (mode === "hold-until-stdin-closes") for await (const _ of Bun.stdin.stream()) {}
      lock.release();
      say("released");
    } catch (error) {
      say("error " + JSON.stringify({ name: error.name, exitCode: error.exitCode, message: error.message, hint: error.hint }));
    }
    store.close();
  `;
  return Bun.spawn([process.execPath, "-e", script], {
    env: { ...process.env, STORE_PATH: storePath, MODE: then, LIBRARY: library },
    stdin: then === "hold-until-stdin-closes" ? "pipe" : "ignore",
    stdout: "pipe",
    stderr: "inherit",
  });
}

/** Reads stdout lines as they come, so a test can wait for "acquired" before going on. */
function lines(stream: ReadableStream<Uint8Array>) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return async function next(): Promise<string> {
    for (;;) {
      const newline = buffer.indexOf("\n");
      if (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        return line;
      }
      const { value, done } = await reader.read();
      if (done) return buffer;
      buffer += value;
    }
  };
}

test("while one process holds the library, a second gets LibraryLockedError naming the holder (exit 3)", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const holder = spawnLocker(join(dir.path, "library"), path, "hold-until-stdin-closes");
  const holderOut = lines(holder.stdout);
  expect(await holderOut()).toBe(`acquired ${holder.pid}`);

  const contender = spawnLocker(join(dir.path, "library"), path, "try");
  const contenderLine = await lines(contender.stdout)();
  expect(contenderLine.startsWith("error ")).toBe(true);
  const error = JSON.parse(contenderLine.slice("error ".length));
  expect(error).toMatchObject({ name: "LibraryLockedError", exitCode: 3 });
  expect(error.message).toContain(`pid ${holder.pid}`);
  expect(error.hint).toContain("--wait");
  await contender.exited;

  holder.stdin?.end();
  expect(await holderOut()).toBe("released");
  await holder.exited;
  const again = spawnLocker(join(dir.path, "library"), path, "try");
  expect(await lines(again.stdout)()).toBe(`acquired ${again.pid}`);
  await again.exited;
});

test("with wait, the second process waits for the holder to release, then takes the lock", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const holder = spawnLocker(join(dir.path, "library"), path, "hold-until-stdin-closes");
  const holderOut = lines(holder.stdout);
  expect(await holderOut()).toBe(`acquired ${holder.pid}`);
  const waiter = spawnLocker(join(dir.path, "library"), path, "wait");
  const waiterOut = lines(waiter.stdout);
  expect(await waiterOut()).toBe("waiting");
  holder.stdin?.end();
  expect(await holderOut()).toBe("released");
  expect(await waiterOut()).toBe(`acquired ${waiter.pid}`);
  await Promise.all([holder.exited, waiter.exited]);
});

test("a lock left by a killed process is taken over with a warning", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const holder = spawnLocker(join(dir.path, "library"), path, "hold-until-stdin-closes");
  expect(await lines(holder.stdout)()).toBe(`acquired ${holder.pid}`);
  holder.kill("SIGKILL");
  await holder.exited;
  const log = createRecordingLog();
  const store = openStore(path, { log });
  const lock = await store.acquireLibraryLock(join(dir.path, "library"), { wait: false });
  expect(log.warnings).toEqual([expect.stringContaining(`pid ${holder.pid} that held it is no longer running`)]);
  lock.release();
  store.close();
});

test("releaseOnExit frees the lock when the process exits without releasing", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const quitter = spawnLocker(join(dir.path, "library"), path, "exit-without-release");
  expect(await lines(quitter.stdout)()).toBe(`acquired ${quitter.pid}`);
  await quitter.exited;
  const log = createRecordingLog();
  const store = openStore(path, { log });
  const lock = await store.acquireLibraryLock(join(dir.path, "library"), { wait: false });
  expect(log.warnings).toEqual([]); // a clean release, not a stale takeover
  lock.release();
  store.close();
});

test("waiting stops when the signal aborts (Ctrl-C while waiting)", async () => {
  using dir = createTempDir();
  const LIBRARY = join(dir.path, "library");
  const store = openStore(join(dir.path, "musicdl.sqlite"), { log: createRecordingLog(), clock: systemClock });
  const held = await store.acquireLibraryLock(LIBRARY, { wait: false });
  await expect(store.acquireLibraryLock(LIBRARY, { wait: false })).rejects.toBeInstanceOf(LibraryLockedError);
  const controller = new AbortController();
  const waiting = store.acquireLibraryLock(LIBRARY, { wait: true, pollMs: 10, signal: controller.signal });
  controller.abort(new Error("interrupted"));
  await expect(waiting).rejects.toThrow("interrupted");
  held.release();
  const next = await store.acquireLibraryLock(LIBRARY, { wait: false });
  next.release();
  store.close();
});

test("two processes creating and writing the same file at once both succeed", async () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const writer = (name: string) =>
    Bun.spawn(
      [
        process.execPath,
        "-e",
        `
      import { openStore } from ${JSON.stringify(STORE_MODULE)};
      const store = openStore(process.env.STORE_PATH);
      for (let i = 0; i < 300; i++) store.plugins.forPlugin("spotify").set("${name}:" + i, { i }, i % 2 ? null : 3600);
      store.close();
    `,
      ],
      { env: { ...process.env, STORE_PATH: path }, stdout: "ignore", stderr: "pipe" },
    );
  const writers = [writer("a"), writer("b")];
  const codes = await Promise.all(writers.map((proc) => proc.exited));
  const errors = await Promise.all(writers.map((proc) => new Response(proc.stderr).text()));
  expect({ codes, errors }).toEqual({ codes: [0, 0], errors: ["", ""] });
  const store = openStore(path, { log: createRecordingLog() });
  expect(store.stats().plugins.rows).toBe(600);
  store.close();
});
