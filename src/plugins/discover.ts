/** Finds external plugin files: which folders to look in, in what order, and which entries in them are plugins. */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { userPluginsDir } from "../util/dirs.ts";

/** One plugin file found on disk. Its name is the file (or folder) name, which also picks `plugins.<name>`. */
export interface DiscoveredPlugin {
  readonly name: string;
  /** Absolute path of the module to import. */
  readonly file: string;
  /** The plugin folder it was found in. */
  readonly dir: string;
}

export interface ResolvePluginDirsOptions {
  /** `download.plugins_dir` entries, absolute (the config loader resolves them). */
  readonly configDirs?: readonly string[];
  /** Path of the compiled binary, or null when running under `bun` (see {@link compiledBinaryPath}). */
  readonly binaryPath?: string | null;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const MODULE_EXTENSIONS = [".ts", ".js", ".mjs"] as const;

/**
 * Plugin folders in load order: the config's `plugins_dir` entries, then `$XDG_CONFIG_HOME/musicdl/plugins`,
 * then `plugins/` beside the compiled binary (as yt-dlp looks beside its executable). Duplicates keep their first place.
 */
export function resolvePluginDirs(options: ResolvePluginDirsOptions = {}): string[] {
  const env = options.env ?? process.env;
  const dirs = [...(options.configDirs ?? []), userPluginsDir(env)];
  if (options.binaryPath) dirs.push(join(dirname(options.binaryPath), "plugins"));
  return [...new Set(dirs.map((dir) => resolve(dir)))];
}

/**
 * The executable's path when this is a `bun build --compile` binary, else null. A compiled binary's entry lives
 * in Bun's embedded filesystem (`/$bunfs/…`, `B:/~BUN/…` on Windows); under `bun src/main.ts`, execPath is bun.
 */
export function compiledBinaryPath(main: string = Bun.main, execPath: string = process.execPath): string | null {
  return main.startsWith("/$bunfs/") || main.startsWith("B:/~BUN/") ? execPath : null;
}

/**
 * Plugins in the given folders, one level deep: `name.ts|js|mjs`, or `name/index.ts|js|mjs`. Folder order first,
 * then name, so runs are reproducible. Missing folders are skipped; dotfiles, `_helpers`, `*.d.ts` and
 * `*.test.*` are not plugins.
 */
export function discoverPluginFiles(dirs: readonly string[]): DiscoveredPlugin[] {
  const found: DiscoveredPlugin[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      const path = join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
      const file = isDir ? findIndex(path) : pluginModuleFile(path);
      if (file) found.push({ name: isDir ? entry.name : stripExtension(entry.name), file, dir });
    }
  }
  return found;
}

function pluginModuleFile(path: string): string | null {
  const name = basename(path);
  if (name.endsWith(".d.ts") || /\.(test|spec)\.[cm]?[jt]s$/.test(name)) return null;
  return (MODULE_EXTENSIONS as readonly string[]).includes(extname(name)) ? path : null;
}

function findIndex(dir: string): string | null {
  for (const extension of MODULE_EXTENSIONS) {
    const file = join(dir, `index${extension}`);
    if (existsSync(file)) return file;
  }
  return null;
}

function stripExtension(name: string): string {
  return name.slice(0, name.length - extname(name).length);
}

// Code-point order, not locale order, so two machines agree.
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
