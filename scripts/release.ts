/**
 * `bun run release <version>`: bumps package.json, regenerates CHANGELOG.md for that version, commits and tags
 * `v<version>`. Never pushes.
 */
import { join } from "node:path";
import { generateChangelog } from "./changelog.ts";

const root = join(import.meta.dir, "..");
const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  console.error("usage: bun run release <version>   (semver, e.g. 0.2.0)");
  process.exit(2);
}

async function git(...args: string[]): Promise<string> {
  const proc = Bun.spawn(["git", ...args], { cwd: root, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (code !== 0) throw new Error(`git ${args.join(" ")}: ${err.trim()}`);
  return out.trim();
}

if ((await git("status", "--porcelain")) !== "") {
  console.error("release: the work tree has uncommitted changes; commit or stash them first.");
  process.exit(1);
}
const packagePath = join(root, "package.json");
const manifest = await Bun.file(packagePath).json();
manifest.version = version;
await Bun.write(packagePath, `${JSON.stringify(manifest, null, 2)}\n`);
await git("commit", "-qam", `build(release): ${version}`);
await Bun.write(join(root, "CHANGELOG.md"), await generateChangelog(`v${version}`));
await git("commit", "-qam", `docs(changelog): ${version}`);
await git("tag", "-a", `v${version}`, "-m", `musicdl ${version}`);
console.log(`Tagged v${version}. Push when ready: git push --follow-tags`);
