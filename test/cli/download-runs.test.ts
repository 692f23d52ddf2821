/** Spawned `musicdl download` runs on one library: the lock between two runs, the store's file, and plain output. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { runCli } from "../helpers/run-cli.ts";
import { ENTRY, type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

const mediaRequests = () => lw.world.youtube.requests.filter((request) => request.path === "/videoplayback").length;

describe("two runs on one library", () => {
  test("the second exits 3 naming the first's pid; with --wait it waits, then finds nothing to do", async () => {
    const { configFile, library } = lw.writeConfig("locked");
    const args = ["download", "-c", configFile, "-o", library];
    // Slow answers keep the first run inside the lock while the others start.
    lw.world.youtube.setLatency(1500);
    const first = Bun.spawn([process.execPath, ENTRY, ...args], {
      env: { ...process.env, ...lw.env },
      stdout: "pipe",
      stderr: "pipe",
    });
    const firstOutput = Promise.all([new Response(first.stdout).text(), new Response(first.stderr).text()]);
    try {
      // YouTube hears from the first run only after it took the lock and planned.
      while (lw.world.youtube.requests.length === 0) await Bun.sleep(20);
      const [refused, waiter] = [runCli(args, { env: lw.env }), runCli([...args, "--wait"], { env: lw.env })];
      const { exitCode, stderr: refusedStderr } = await refused;
      expect(exitCode).toBe(3);
      expect(refusedStderr).toContain(`another musicdl (pid ${first.pid} `);
      expect(refusedStderr).toContain("--wait");
      expect(await first.exited).toBe(0);
      const mediaAfterFirst = mediaRequests();
      const waited = await waiter;
      expect(waited.exitCode).toBe(0);
      expect(waited.stderr).toContain(`Waiting for musicdl pid ${first.pid}`);
      expect(waited.stderr).toContain("tracks: done 0 · skipped 3 · failed 0\n");
      expect(mediaRequests()).toBe(mediaAfterFirst);

      // Without a TTY the first run wrote one plain line per finished item (3 tracks and the playlist's M3U).
      const [, stderr] = await firstOutput;
      expect(stderr.split("\n").filter((line) => /^\[\d\/4\] done /.test(line))).toHaveLength(4);
    } finally {
      first.kill();
      lw.world.youtube.setLatency(0);
    }
  }, 30_000);
});

describe("the store file", () => {
  test("cache stats reads the config's cache_path, and a re-run moves its hit counter", async () => {
    const { configFile, library, cachePath } = lw.writeConfig("stats");
    expect((await runCli(["download", "-c", configFile, "-o", library], { env: lw.env })).exitCode).toBe(0);
    const before = await runCli(["cache", "stats", "--json", "-c", configFile], { env: lw.env });
    expect(before.exitCode).toBe(0);
    const first = JSON.parse(before.stdout);
    expectDocumentedJson("cache stats", first);
    expect(first.path).toBe(cachePath);
    expect(first.library.files).toBe(3);

    expect((await runCli(["download", "-c", configFile, "-o", library], { env: lw.env })).exitCode).toBe(0);
    // Found the way `download` finds it (./stats.yaml is not the default name, so -c again; --cache-path still wins).
    const after = JSON.parse((await runCli(["cache", "stats", "--json", "-c", configFile], { env: lw.env })).stdout);
    expect(after.plugins.hits).toBeGreaterThan(first.plugins.hits);
    expect(after.plugins.misses).toBe(first.plugins.misses);
    const explicit = JSON.parse(
      (
        await runCli(["cache", "stats", "--json", "-c", configFile, "--cache-path", `${cachePath}.other`], {
          env: lw.env,
        })
      ).stdout,
    );
    expect(explicit.path).toBe(`${cachePath}.other`);
  }, 30_000);

  test("a corrupted cache file is moved aside with a warning and the run still succeeds", async () => {
    const { configFile, library, cachePath } = lw.writeConfig("corrupt");
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileSync(cachePath, "this is not a database, just bytes a crash left behind\n".repeat(200));
    const result = await runCli(["download", "-c", configFile, "-o", library], { env: lw.env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      `The cache file ${cachePath} is damaged or not a database; moved it to ${cachePath}.broken-`,
    );
    expect(result.stderr).toContain("tracks: done 3 · skipped 0 · failed 0 · M3U files written 1");
    expect(readdirSync(dirname(cachePath)).some((name) => name.startsWith("musicdl.sqlite.broken-"))).toBe(true);
    expect(existsSync(cachePath)).toBe(true);
  }, 30_000);
});
