/**
 * A fake Spotify in a child process, so the RSS and CPU a bench measures are musicdl's own, not the catalog's.
 * The bench re-runs itself with `--serve …`: the child prints one JSON line (addresses, credentials, whatever the
 * bench adds) and serves until the parent closes its stdin.
 */
import type { FakeSpotify } from "../fakes/spotify/index.ts";

export interface FakeAddress {
  readonly apiUrl: string;
  readonly accountsUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Child side: announce the fake (plus `extra`), serve until stdin closes, then exit. */
export async function serveUntilStdinCloses(fake: FakeSpotify, extra: object = {}): Promise<never> {
  const { apiUrl, accountsUrl, clientId, clientSecret } = fake;
  process.stdout.write(`${JSON.stringify({ apiUrl, accountsUrl, clientId, clientSecret, ...extra })}\n`);
  for await (const _ of process.stdin) {
    // Runs until the parent closes stdin.
  }
  await fake.stop();
  process.exit(0);
}

/** Parent side: starts `bench --serve ...args` and returns what the child announced, and how to stop it. */
export async function startFakeInChild<T extends FakeAddress>(
  bench: string,
  args: readonly string[] = [],
): Promise<{ fake: T; stop(): Promise<void> }> {
  const child = Bun.spawn([process.execPath, bench, "--serve", ...args], {
    stdin: "pipe",
    stdout: "pipe",
    stderr: "inherit",
  });
  const reader = child.stdout.getReader();
  let text = "";
  while (!text.includes("\n")) text += new TextDecoder().decode((await reader.read()).value);
  return {
    fake: JSON.parse(text) as T,
    async stop() {
      child.stdin.end();
      await child.exited;
    },
  };
}
