/**
 * The cache file's disk fills up mid-run: one clear paragraph naming the file (not "a bug in musicdl", and not
 * hidden behind a second error from closing the store), nothing half-written in the library, and the state it
 * holds still opens and resumes once there is room. The small disk is a tmpfs (see test/helpers/fault-mounts.ts).
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { listFiles } from "../helpers/fake-world-folder.ts";
import { tinyDisk } from "../helpers/fault-mounts.ts";
import { runCli } from "../helpers/run-cli.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

test("a full cache disk stops the run with one error naming the file; the state resumes where there is room", async () => {
  const { configFile, library, cachePath } = lw.writeConfig("full");
  const stateDir = dirname(cachePath);
  // Room for the empty store and a few of the run's writes, not for all of them.
  using disk = tinyDisk(stateDir, 200);
  const [command, ...args] = [...disk.prefix, process.execPath, join(import.meta.dir, "..", "..", "src", "main.ts")];
  const first = Bun.spawn([command!, ...args, "download", "-c", configFile, "-o", library], {
    env: { ...process.env, ...lw.env, NO_COLOR: "1" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stderr, exitCode] = await Promise.all([new Response(first.stderr).text(), first.exited]);
  expect(exitCode).toBe(1);
  const errorAt = stderr.indexOf("error: ");
  expect(stderr.slice(errorAt)).toBe(
    `error: cannot save progress to the cache file ${cachePath}: the disk is full. The run stopped; what was saved before is kept.\n` +
      `Free some space on the disk that holds ${stateDir} (or point download.cache_path at another disk), then run the same command again to resume.\n`,
  );
  expect(stderr).not.toContain("bug in musicdl");
  // Nothing half-written: every file in the library is a finished track or playlist, no temp file.
  for (const file of listFiles(library)) expect(file).toMatch(/\.(opus|m3u8)$/);

  // The state, moved to a disk with room, opens as it is (not moved aside as damaged) and the run completes.
  const roomy = join(lw.dir, "full-roomy");
  mkdirSync(roomy, { recursive: true });
  cpSync(disk.after, roomy, { recursive: true });
  expect(readdirSync(roomy)).toContain("musicdl.sqlite");
  writeFileSync(configFile, readFileSync(configFile, "utf8").replace(cachePath, join(roomy, "musicdl.sqlite")));
  const second = await runCli(["download", "-c", configFile, "-o", library], { env: lw.env });
  expect(second.stderr).not.toContain("moved it to");
  expect(second.stderr).toContain("failed 0");
  expect(second.exitCode).toBe(0);
  expect(listFiles(library).filter((file) => file.endsWith(".opus"))).toHaveLength(3);
}, 60_000);
