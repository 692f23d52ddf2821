/** The shape every real-client reader's answer is brought to, so one set of expectations checks them all. */

/** What one reader shows for one file. A field the reader does not have is `undefined`, never guessed. */
export interface Reading {
  readonly title: string;
  /** The artist field as the reader shows it (one value, or several joined by the reader). */
  readonly artist: string;
  /** Each value of the artist field, when the reader keeps several. */
  readonly artistValues?: readonly string[];
  /** The separate multi-value ARTISTS field, where the reader has one. */
  readonly artists?: readonly string[];
  readonly album: string;
  readonly albumArtist: string;
  readonly albumArtists?: readonly string[];
  /** `n/N`, or `n` when the file holds no total. */
  readonly track: string;
  readonly disc: string;
  readonly date?: string;
  readonly isrc?: string;
  readonly covers?: number;
}

/** `n/N` or `n` from a number and an optional total, where readers store 0 or "" for "none". */
export function numberPair(number: string | number | undefined, total: string | number | undefined): string {
  const n = Number.parseInt(String(number ?? ""), 10);
  const t = Number.parseInt(String(total ?? ""), 10);
  if (!Number.isFinite(n) || n === 0) return "";
  return Number.isFinite(t) && t > 0 ? `${n}/${t}` : `${n}`;
}

/** Runs a command and returns stdout; fails with its stderr, naming the command, when it exits non-zero. */
export async function run(command: readonly string[], env?: Record<string, string>): Promise<string> {
  const child = Bun.spawn([...command], {
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env: { ...process.env, ...env } as Record<string, string>,
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  if (code !== 0) throw new Error(`${command.join(" ")} exited with ${code}: ${stderr.trim()}`);
  return stdout;
}

/** The reader's executable on PATH; a missing one fails the test (CI installs them), it never skips it. */
export function requireTool(name: string, hint: string): string {
  const path = Bun.which(name);
  if (!path) throw new Error(`${name} is not installed: ${hint}`);
  return path;
}
