/**
 * Regenerates CHANGELOG.md with git-cliff (the npm package ships the binary). `--check` exits 1 when the file
 * differs from what the history generates. Commits that touch only CHANGELOG.md are left out, so the commit that
 * updates the changelog does not make it stale.
 */
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const cliff = join(root, "node_modules", ".bin", "git-cliff");

export async function generateChangelog(tag?: string): Promise<string> {
  const args = [cliff, "--config", "cliff.toml", "--exclude-path", "CHANGELOG.md", ...(tag ? ["--tag", tag] : [])];
  const proc = Bun.spawn(args, { cwd: root, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (code !== 0) throw new Error(`git-cliff failed: ${err.trim()}`);
  return out.endsWith("\n") ? out : `${out}\n`;
}

if (import.meta.main) {
  const check = process.argv.includes("--check");
  const generated = await generateChangelog();
  const file = Bun.file(join(root, "CHANGELOG.md"));
  if (check) {
    const current = (await file.exists()) ? await file.text() : "";
    if (current !== generated) {
      console.error("CHANGELOG.md is stale: run `bun run changelog` and commit it (as its own commit).");
      process.exit(1);
    }
    console.log("CHANGELOG.md matches the history.");
  } else {
    await Bun.write(file, generated);
    console.log("CHANGELOG.md regenerated.");
  }
}
