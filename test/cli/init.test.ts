import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSmallCatalog, SMALL } from "../../fakes/spotify/index.ts";
import { startFakeWorld, type FakeWorld } from "../../fakes/world.ts";
import { runCli } from "../helpers/run-cli.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

describe("musicdl init", () => {
  let world: FakeWorld;
  beforeAll(async () => {
    world = await startFakeWorld({ catalog: createSmallCatalog(), decoys: false });
  });
  afterAll(() => world.stop());

  test("writes a commented starter musicdl.yaml, without asking anything, that plan then reads without complaint", async () => {
    using dir = createTempDir("musicdl-init-");
    // stdin is not a TTY (and empty): a prompt would hang or fail the run.
    const init = await runCli(["init"], { cwd: dir.path, stdin: "" });
    expect(init.exitCode).toBe(0);
    expect(init.stdout).toContain(`Wrote ${join(dir.path, "musicdl.yaml")}`);
    const starter = readFileSync(join(dir.path, "musicdl.yaml"), "utf8");
    expect(starter).toContain("# client_id:");
    expect(starter).toContain("http://127.0.0.1:8888/callback");

    // The user's first edit: one song under `songs:`.
    const song = `https://open.spotify.com/track/${SMALL.trackIds.lanterns}`;
    writeFileSync(join(dir.path, "musicdl.yaml"), starter.replace("songs: []", `songs:\n  - ${song}`));
    const plan = await runCli(["plan", "--json"], {
      cwd: dir.path,
      env: { ...world.env, XDG_CACHE_HOME: join(dir.path, "cache") },
    });
    expect(plan.stderr).toBe("");
    expect(plan.exitCode).toBe(0);
    const document = JSON.parse(plan.stdout);
    expect(document.stats.tracks).toBe(1);
    expect(document.failed_sources).toEqual([]);
  });

  test("refuses to replace an existing file unless --force is given", async () => {
    using dir = createTempDir("musicdl-init-");
    const file = join(dir.path, "mine.yaml");
    writeFileSync(file, "# my own config\n");
    const refused = await runCli(["init", file], { cwd: dir.path });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("already exists; nothing was changed");
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("# my own config\n");

    const forced = await runCli(["init", file, "--force"], { cwd: dir.path });
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toContain('version: "1.2"');
  });
});
