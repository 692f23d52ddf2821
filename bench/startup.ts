/**
 * Start-up time of the compiled binary: median and p95 of 20 runs of `musicdl --version` and `--help`, and the
 * binary's size. Builds dist/musicdl first when it is missing. Run: `bun bench/startup.ts`.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const binary = join(root, "dist", "musicdl");
const RUNS = 20;

if (!existsSync(binary) || process.argv.includes("--rebuild")) {
  const build = Bun.spawnSync(["bun", "run", "build"], { cwd: root, stdout: "inherit", stderr: "inherit" });
  if (build.exitCode !== 0) process.exit(1);
}

function timeRuns(args: string[]): number[] {
  const times: number[] = [];
  Bun.spawnSync([binary, ...args]); // warm the page cache
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = Bun.spawnSync([binary, ...args], { stdout: "ignore", stderr: "ignore" });
    times.push(performance.now() - start);
    if (result.exitCode !== 0) throw new Error(`musicdl ${args.join(" ")} exited ${result.exitCode}`);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const sizeMiB = statSync(binary).size / 1024 / 1024;
console.log(`binary: ${binary} (${sizeMiB.toFixed(1)} MiB)`);
for (const args of [["--version"], ["--help"]]) {
  const times = timeRuns(args);
  console.log(
    `musicdl ${args.join(" ").padEnd(9)} runs ${RUNS} · median ${percentile(times, 0.5).toFixed(1)} ms · p95 ${percentile(times, 0.95).toFixed(1)} ms`,
  );
}
