import { expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");

/** Starts `musicdl auth login`, returns the authorize URL it prints, then stops it (no browser ever answers). */
async function authorizeUrlOf(args: string[], cwd: string): Promise<URL> {
  const proc = Bun.spawn([process.execPath, ENTRY, "auth", "login", "--port", "0", ...args], {
    cwd,
    // The temp folder is also the config home, so no real login on this machine is read.
    env: { ...process.env, NO_COLOR: "1", XDG_CONFIG_HOME: cwd },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  try {
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of proc.stdout) {
      text += decoder.decode(chunk, { stream: true });
      const url = /https:\/\/\S+/.exec(text);
      if (url) return new URL(url[0]);
    }
    throw new Error(`auth login printed no URL: ${text}${await new Response(proc.stderr).text()}`);
  } finally {
    proc.kill();
    await proc.exited;
  }
}

test("auth login takes the app's client id from client_id in musicdl.yaml when no flag or env var gives one", async () => {
  using dir = createTempDir("musicdl-auth-");
  writeFileSync(join(dir.path, "musicdl.yaml"), 'version: "1.2"\ndownload:\n  client_id: configclientid0001\n');
  const url = await authorizeUrlOf([], dir.path);
  expect(url.searchParams.get("client_id")).toBe("configclientid0001");
  const fromFlag = await authorizeUrlOf(["--client-id", "flagclientid0002"], dir.path);
  expect(fromFlag.searchParams.get("client_id")).toBe("flagclientid0002");
});

test("auth login without any client id says where to create an app and which redirect URI to register", async () => {
  using dir = createTempDir("musicdl-auth-");
  const result = await runCli(["auth", "login"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("https://developer.spotify.com/dashboard");
  expect(result.stderr).toContain("http://127.0.0.1:8888/callback");
  expect(result.stderr).toContain("client_id");
});

test("auth login asks only for the permissions the config's sources need, plus --scope and the previous login's", async () => {
  using dir = createTempDir("musicdl-auth-");
  const scopeOf = async (args: string[]) =>
    (await authorizeUrlOf(["--client-id", "someclientid0003", ...args], dir.path)).searchParams.get("scope");
  expect(await scopeOf([])).toBe("user-library-read playlist-read-private playlist-read-collaborative");
  writeFileSync(join(dir.path, "musicdl.yaml"), 'version: "1.2"\nartists:\n  - followed-artists\n');
  expect(await scopeOf([])).toBe("user-follow-read");
  expect(await scopeOf(["--scope", "user-library-read"])).toBe("user-library-read user-follow-read");
  mkdirSync(join(dir.path, "musicdl"));
  writeFileSync(
    join(dir.path, "musicdl", "auth.json"),
    JSON.stringify({ clientId: "someclientid0003", refreshToken: "r", scope: "playlist-read-private" }),
  );
  expect(await scopeOf([])).toBe("user-follow-read playlist-read-private");
});

test("auth login --scope with a permission musicdl does not use names the ones it does", async () => {
  using dir = createTempDir("musicdl-auth-");
  const result = await runCli(["auth", "login", "--client-id", "x", "--scope", "user-read-email"], {
    cwd: dir.path,
    env: { XDG_CONFIG_HOME: dir.path },
  });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("user-read-email");
  expect(result.stderr).toContain("user-follow-read");
});
