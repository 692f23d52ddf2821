/**
 * Issue 15, finding 12: a run killed while a tagger wrote its `<temp>.tagging` file leaves it in the library; the
 * next run removes it (and the converter's temp), and leaves alone every file that is not one of musicdl's temps.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempPathBeside } from "../../src/library/atomic-write.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";
import { runCli } from "../helpers/run-cli.ts";

let world: LibraryWorld;
beforeAll(async () => {
  world = await startLibraryWorld();
});
afterAll(() => world.stop());

test("a tagger's temp file left by a killed run is removed by the next run; the user's files stay", async () => {
  const { configFile, library } = world.writeConfig("tagging-leftovers");
  const folder = join(library, "Harbor Lights");
  mkdirSync(folder, { recursive: true });
  // Named exactly as the pipeline names them: the converter's temp beside the target, the tagger's beside that.
  const converted = tempPathBeside(join(folder, "Harbor Lights - Undertow.opus"), { keepExtension: true });
  const tagging = `${converted}.tagging`;
  writeFileSync(converted, "half-converted");
  writeFileSync(tagging, "half-tagged");
  const usersOwn = [join(folder, "notes.opus.tagging"), join(folder, ".hidden.opus"), join(folder, "mix.tmp.opus")];
  for (const file of usersOwn) writeFileSync(file, "keep me");

  const result = await runCli(["download", "--config", configFile, "--output", library], {
    cwd: world.dir,
    env: world.env,
  });
  expect(result.exitCode).toBe(0);
  expect({ converted: existsSync(converted), tagging: existsSync(tagging) }).toEqual({
    converted: false,
    tagging: false,
  });
  expect(usersOwn.filter((file) => !existsSync(file))).toEqual([]);
}, 60_000);
