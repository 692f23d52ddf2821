/**
 * A hung ffmpeg no longer hangs the run: a conversion whose position does not move for `ffmpeg_stall_timeout` is
 * stopped and its track fails with that reason; and no ffmpeg outlives musicdl when it is stopped by a signal.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENTRY } from "../helpers/library-world.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { listFiles } from "../helpers/fake-world-folder.ts";
import { createRunDir, startPluginWorld } from "../helpers/plugin-run.ts";
import { toneProviderSource } from "../helpers/tone-provider.ts";
import { isRunning, writeHangingFfmpeg, type Hang } from "../helpers/broken-ffmpeg.ts";
import { runCli } from "../helpers/run-cli.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

/** A config for `name` whose conversions go to mp3 (so ffmpeg must encode) with the given stall timeout. */
function configWith(name: string, stallTimeout?: string) {
  const paths = lw.writeConfig(name);
  const stall = stallTimeout ? `  ffmpeg_stall_timeout: ${stallTimeout}\n` : "";
  const text = readFileSync(paths.configFile, "utf8")
    .replace("  format: opus\n", "  format: mp3\n")
    .replace("download:\n", `download:\n${stall}  max_retries: 1\n`);
  writeFileSync(paths.configFile, text);
  return paths;
}

test.each<[Hang]>([["silent"], ["same-progress"]])(
  "an ffmpeg that hangs (%s) is stopped after the stall timeout and each track fails saying so",
  async (hang) => {
    const ffmpeg = writeHangingFfmpeg(join(lw.dir, `ffmpeg-${hang}`), hang);
    const { configFile, library } = configWith(`hang-${hang}`, "1s");
    const result = await runCli(["download", "-c", configFile, "-o", library], {
      env: { ...lw.env, MUSICDL_FFMPEG: ffmpeg.path },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("tracks: done 0 · skipped 0 · failed 3");
    const reasons = result.stderr.split("\n").filter((line) => line.startsWith("  failed "));
    expect(reasons).toHaveLength(3);
    for (const reason of reasons)
      expect(reason).toMatch(/ffmpeg made no progress for 1 s converting .* to mp3, so it was stopped\./);
    expect(listFiles(library).filter((file) => !file.endsWith(".m3u8"))).toEqual([]);
    expect(ffmpeg.pids().length).toBeGreaterThanOrEqual(3);
    for (const pid of ffmpeg.pids()) expect(isRunning(pid)).toBe(false);
  },
  30_000,
);

test.each([["SIGTERM"], ["SIGINT"], ["SIGHUP"]] as const)(
  "%s to musicdl while ffmpeg hangs: musicdl exits 130 and takes ffmpeg with it",
  async (signal) => {
    const ffmpeg = writeHangingFfmpeg(join(lw.dir, `ffmpeg-${signal}`), "silent");
    const { configFile, library } = configWith(`signal-${signal}`); // the default 60 s: longer than this test
    const child = Bun.spawn([process.execPath, ENTRY, "download", "-c", configFile, "-o", library], {
      env: { ...process.env, ...lw.env, MUSICDL_FFMPEG: ffmpeg.path, NO_COLOR: "1" },
      stdout: "pipe",
      stderr: "pipe",
    });
    try {
      while (ffmpeg.pids().length === 0) await Bun.sleep(50);
      child.kill(signal);
      // A second signal means "quit now": the ffmpeg in hand must not be left behind either.
      await Bun.sleep(50);
      child.kill(signal);
      expect(await child.exited).toBe(130);
      await Bun.sleep(100);
      for (const pid of ffmpeg.pids()) expect(isRunning(pid)).toBe(false);
      expect(listFiles(library).filter((file) => file.endsWith(".mp3"))).toEqual([]);
    } finally {
      child.kill("SIGKILL");
      for (const pid of ffmpeg.pids()) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    }
  },
  30_000,
);

test("when musicdl crashes (a plugin throws outside any call) the ffmpeg in hand dies with it", async () => {
  const world = await startPluginWorld();
  using dir = createRunDir(world);
  const ffmpeg = writeHangingFfmpeg(join(dir.path, "ffmpeg"), "silent");
  // Thrown from a timer, outside every promise musicdl awaits: an uncaught exception ends the process.
  const crash = `setTimeout(() => { throw new Error("tone plugin crashed"); }, 1500);`;
  dir.write("plugins/tone.ts", toneProviderSource("tone", { onSearch: crash }));
  dir.writeConfig({ audioProviders: ["tone"], pluginsDir: "plugins", plugins: { tone: { tone: world.tone } } });
  process.env.MUSICDL_FFMPEG = ffmpeg.path;
  try {
    const result = await dir.run(["download"]);
    expect(result.stderr).toContain("tone plugin crashed");
    expect(result.exitCode).not.toBe(0);
    expect(ffmpeg.pids().length).toBeGreaterThanOrEqual(1);
    await Bun.sleep(100);
    for (const pid of ffmpeg.pids()) expect(isRunning(pid)).toBe(false);
  } finally {
    delete process.env.MUSICDL_FFMPEG;
    for (const pid of ffmpeg.pids()) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    await world.stop();
  }
}, 30_000);
