/** Unknown options stop the run with exit 2 before anything happens; `--help` carries colour only where it should. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { runCli } from "../helpers/run-cli.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

const requests = () => lw.world.spotify.requests.length + lw.world.youtube.requests.length;

test("download --dry-run is refused with exit 2 before any request, and nothing is written", async () => {
  const { configFile, library } = lw.writeConfig("dry-run");
  const before = requests();
  const result = await runCli(["download", "-c", configFile, "-o", library, "--dry-run"], { env: lw.env });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toBe(
    "error: unknown option --dry-run for `musicdl download`. To see what a download would do, run `musicdl plan`.\n" +
      "Run `musicdl download --help` for its options.\n",
  );
  expect(requests()).toBe(before);
  expect(existsSync(library)).toBe(false);
});

test("cache clear --everything is refused and the cache keeps its entries", async () => {
  const { configFile, library } = lw.writeConfig("clear");
  expect((await runCli(["download", "-c", configFile, "-o", library], { env: lw.env })).exitCode).toBe(0);
  const stats = async () => (await runCli(["cache", "stats", "--json", "-c", configFile], { env: lw.env })).stdout;
  const before = await stats();
  const result = await runCli(["cache", "clear", "--everything", "-c", configFile], { env: lw.env });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toStartWith("error: unknown option --everything for `musicdl cache clear`.");
  expect(await stats()).toBe(before);
});

test.each([
  [["plan", "--josn"], "error: unknown option --josn for `musicdl plan`. Did you mean --json?"],
  [["cache", "clear", "--librar"], "error: unknown option --librar for `musicdl cache clear`. Did you mean --library?"],
  [["download", "--thread", "4"], "error: unknown option --thread for `musicdl download`. Did you mean --threads?"],
  [["auth", "login", "--client-secret=x"], "error: unknown option --client-secret for `musicdl auth login`."],
  [
    ["auth", "login", "--client-di=x"],
    "error: unknown option --client-di for `musicdl auth login`. Did you mean --client-id?",
  ],
  [["--verbose", "plan"], "error: unknown option --verbose for `musicdl`."],
  [["init", "-x"], "error: unknown option -x for `musicdl init`."],
  [["donwload"], "error: unknown command `donwload` for `musicdl`. Did you mean `musicdl download`?"],
  [["cache", "clr"], "error: unknown command `clr` for `musicdl cache`. Did you mean `musicdl cache clear`?"],
])("musicdl %p exits 2: %s", async (args, message) => {
  const result = await runCli(args, { env: lw.env, cwd: lw.dir });
  expect(result.exitCode).toBe(2);
  expect(result.stderr).toStartWith(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

test.each([
  [["download", "-qc", "nowhere.yaml"], "error: nowhere.yaml: config file not found."],
  [
    ["download", "--config=nowhere.yaml", "--no-plugins", "--threads", "4"],
    "error: nowhere.yaml: config file not found.",
  ],
  [["plan", "-c", "nowhere.yaml", "--no-json", "--", "--not-an-option"], 'SOURCES[1]: "--not-an-option" is not a'],
])("known spellings pass the option check: %p", async (args, nextError) => {
  // Each gets past the option check and stops at the next thing looked at: the config file or the links given.
  const result = await runCli(args, { env: lw.env, cwd: lw.dir });
  expect(result.stderr).toContain(nextError);
  expect(result.exitCode).toBe(2);
});

const ESC = "\u001b[";
const noColourEnv = { NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, TEST: undefined, TERM: "xterm" };

test("--help into a pipe has no escape codes; FORCE_COLOR puts them back, NO_COLOR wins over a terminal", async () => {
  const piped = await runCli(["--help"], { env: noColourEnv });
  expect(piped.exitCode).toBe(0);
  expect(piped.stdout).toContain("USAGE musicdl");
  expect(piped.stdout).not.toContain(ESC);
  expect((await runCli(["download", "--help"], { env: noColourEnv })).stdout).not.toContain(ESC);
  expect((await runCli(["nosuchcommand"], { env: noColourEnv })).stderr).not.toContain(ESC);
  const forced = await runCli(["--help"], { env: { ...noColourEnv, FORCE_COLOR: "1" } });
  expect(forced.stdout).toContain(ESC);
  const both = await runCli(["--help"], { env: { ...noColourEnv, FORCE_COLOR: "0", NO_COLOR: "1" } });
  expect(both.stdout).not.toContain(ESC);
});
