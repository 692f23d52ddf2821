/**
 * `bun run build:all`: cross-compiles the binary for every target Bun can produce from here. Bun fetches the
 * other platforms' runtimes from the npm registry; a target that cannot be fetched is reported, not fatal.
 */
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const TARGETS = [
  { target: "bun-linux-x64", file: "musicdl-linux-x64" },
  { target: "bun-linux-arm64", file: "musicdl-linux-arm64" },
  { target: "bun-darwin-arm64", file: "musicdl-darwin-arm64" },
  { target: "bun-windows-x64", file: "musicdl-windows-x64.exe" },
];

let failures = 0;
for (const { target, file } of TARGETS) {
  const outfile = join(root, "dist", file);
  const args = [
    "bun",
    "build",
    "src/main.ts",
    "--compile",
    "--minify",
    "--bytecode",
    "--format=esm",
    `--target=${target}`,
    "--outfile",
    outfile,
  ];
  const result = Bun.spawnSync(args, { cwd: root, stdout: "pipe", stderr: "pipe" });
  const ok = result.exitCode === 0;
  if (!ok) failures++;
  const detail = ok ? outfile : result.stderr.toString().trim().split("\n").at(-1);
  console.log(`${ok ? "built " : "FAILED"} ${target.padEnd(18)} ${detail}`);
}
process.exit(failures === TARGETS.length ? 1 : 0);
