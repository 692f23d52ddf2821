/**
 * How long a bad config takes to be refused, and the memory it costs: `musicdl plan` on generated configs with a
 * syntax error on the last line (5k–20k lines), a duplicate key at the end, and a 20 MB string. Prints wall time,
 * peak RSS and the exit code per case. Run: `bun bench/config-errors.ts [lines…]` (default 5000 10000 20000).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const entry = join(root, "src", "main.ts");
const peakRss = join(import.meta.dir, "_peak-rss.ts");
const dir = mkdtempSync(join(tmpdir(), "musicdl-bench-config-"));
const counts = process.argv.slice(2).map(Number).filter(Boolean);

/** `lines` lines of song links (one a line), as a long hand-kept config has. */
function songs(lines: number): string {
  const ids = Array.from(
    { length: lines },
    (_, i) => `  - https://open.spotify.com/track/${i.toString(36).padStart(22, "0")}`,
  );
  return `version: "1.2"\nsongs:\n${ids.join("\n")}\n`;
}

const BIG = "x".repeat(20 * 1024 * 1024);
const cases: [string, string][] = [
  ...(counts.length > 0 ? counts : [5000, 10000, 20000]).flatMap((lines): [string, string][] => [
    [`${lines} lines, syntax error on the last line`, `${songs(lines)}download:\n  threads: 4\n format: mp3\n`],
    [`${lines} lines, syntax error in the list's last item`, `${songs(lines)}  - [unclosed, list\n`],
    [`${lines} lines, duplicate key at the end`, `${songs(lines)}download:\n  threads: 4\n  threads: 2\n`],
  ]),
  ["a 20 MB string as a song link", `version: "1.2"\nsongs:\n  - "${BIG}"\n`],
  ["a 20 MB string, then a syntax error", `version: "1.2"\ndownload:\n  output: "${BIG}"\n threads: 4\n`],
];

for (const [name, text] of cases) {
  const file = join(dir, "musicdl.yaml");
  writeFileSync(file, text);
  const start = performance.now();
  const child = Bun.spawnSync([process.execPath, "--preload", peakRss, entry, "plan", "-c", file], {
    cwd: dir,
    env: { ...process.env, HOME: dir, XDG_CACHE_HOME: join(dir, "cache"), NO_COLOR: "1" },
    stdout: "ignore",
    stderr: "pipe",
  });
  const seconds = (performance.now() - start) / 1000;
  const stderr = child.stderr.toString();
  const kb = Number(/MUSICDL_PEAK_RSS_KB (\d+)/.exec(stderr)?.[1] ?? 0);
  const first = stderr.split("\n")[0]!.slice(0, 100);
  console.log(
    `${name.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s · peak ${(kb / 1024).toFixed(0).padStart(4)} MB · exit ${child.exitCode} · ${first}`,
  );
}
rmSync(dir, { recursive: true, force: true });
