/** What a spawned `musicdl download` shows: the live view in a real terminal (tmux), NDJSON with --json, waits. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.ts";
import { ENTRY, type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

describe("in a terminal", () => {
  test("the live view shows the overall bar with its counts and each item's stage, then the summary", async () => {
    const { configFile, library } = lw.writeConfig("live");
    const script = join(lw.dir, "live.sh");
    const exports = Object.entries({ ...lw.env, TERM: "xterm-256color" }).map(
      ([key, value]) => `export ${key}='${value}'`,
    );
    writeFileSync(
      script,
      [
        ...exports,
        `'${process.execPath}' '${ENTRY}' download -c '${configFile}' -o '${library}'`,
        "echo EXITED $?",
        "sleep 60",
        "",
      ].join("\n"),
    );
    const socket = `musicdl-test-${process.pid}`;
    const tmux = (...args: string[]) =>
      Bun.spawnSync(["tmux", "-L", socket, "-f", "/dev/null", ...args], { stdout: "pipe", stderr: "pipe" });
    // Slow answers keep items in flight long enough to be seen.
    lw.world.youtube.setLatency(700);
    try {
      expect(tmux("new-session", "-d", "-s", "run", "-x", "120", "-y", "30", `sh ${script}`).exitCode).toBe(0);
      const screens: string[] = [];
      for (let i = 0; i < 300 && !screens.at(-1)?.includes("EXITED"); i++) {
        screens.push(tmux("capture-pane", "-p", "-t", "run").stdout.toString());
        await Bun.sleep(100);
      }
      const during = screens.filter((screen) => !screen.includes("EXITED"));
      const bar = /\[[#-]+\] \d\/4 · done \d · skipped \d · failed \d · [\d.]+\/s · ETA /;
      expect(during.some((screen) => bar.test(screen))).toBe(true);
      expect(during.some((screen) => /^ {2}(match|download|convert|tag) +Harbor Lights/m.test(screen))).toBe(true);
      const last = screens.at(-1) ?? "";
      expect(last).toContain("EXITED 0");
      // The plan's warning, logged before the live block appeared, is still on screen above it.
      expect(last).toContain('playlist "Road Trip": skipped 1 local file');
      expect(last).toMatch(/\[#+\] 4\/4 · done 4 · skipped 0 · failed 0/);
      expect(last).toContain("tracks: done 3 · skipped 0 · failed 0 · M3U files written 1\n");
    } finally {
      tmux("kill-server");
      lw.world.youtube.setLatency(0);
    }
  }, 40_000);
});

describe("without a terminal", () => {
  test("--json writes only NDJSON events to stdout, one per line, and the logs to stderr", async () => {
    const { configFile, library } = lw.writeConfig("json");
    const result = await runCli(["download", "-c", configFile, "-o", library, "--json"], { env: lw.env });
    expect(result.exitCode).toBe(0);
    const events = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; status?: string });
    for (const event of events) expectDocumentedJson("download", event);
    expect(events[0]?.type).toBe("run-start");
    expect(events.filter((event) => event.type === "item-end" && event.status === "done")).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ type: "summary", summary: { counts: { done: 4, failed: 0 } } });
    expect(result.stderr).toContain('playlist "Road Trip": skipped 1 local file');
    expect(result.stderr.split("\n").some((line) => line.startsWith("{"))).toBe(false);
  }, 30_000);

  test("a Spotify rate limit shows as a wait with the time left, and the run then completes", async () => {
    const { configFile, library } = lw.writeConfig("rate-limited");
    lw.world.spotify.set({ faults: [{ kind: "429", retryAfterS: 2 }] });
    try {
      const result = await runCli(["download", "-c", configFile, "-o", library], { env: lw.env });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toMatch(/^waiting [12]s: Spotify asked for a pause$/m);
      expect(result.stderr).toContain("tracks: done 3 · skipped 0 · failed 0 · M3U files written 1");
      expect(lw.world.spotify.apiRequests().some((request) => request.status === 429)).toBe(true);
    } finally {
      lw.world.spotify.set({ faults: [] });
    }
  }, 30_000);
});
