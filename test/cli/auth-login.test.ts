import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeTempDir } from "../helpers/make-tone.ts";
import { runCli } from "../helpers/run-cli.ts";

const ENTRY = join(import.meta.dir, "..", "..", "src", "main.ts");

/** Starts `musicdl auth login`, returns the authorize URL it prints, then stops it (no browser ever answers). */
async function authorizeUrlOf(args: string[], cwd: string): Promise<URL> {
  const proc = Bun.spawn([process.execPath, ENTRY, "auth", "login", "--port", "0", ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
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
  using dir = makeTempDir("musicdl-auth-");
  writeFileSync(join(dir.path, "musicdl.yaml"), 'version: "1.2"\ndownload:\n  client_id: configclientid0001\n');
  const url = await authorizeUrlOf([], dir.path);
  expect(url.searchParams.get("client_id")).toBe("configclientid0001");
  const fromFlag = await authorizeUrlOf(["--client-id", "flagclientid0002"], dir.path);
  expect(fromFlag.searchParams.get("client_id")).toBe("flagclientid0002");
});

test("auth login without any client id says where to create an app and which redirect URI to register", async () => {
  using dir = makeTempDir("musicdl-auth-");
  const result = await runCli(["auth", "login"], { cwd: dir.path });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toContain("https://developer.spotify.com/dashboard");
  expect(result.stderr).toContain("http://127.0.0.1:8888/callback");
  expect(result.stderr).toContain("client_id");
});
