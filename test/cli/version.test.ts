import { expect, test } from "bun:test";
import { runCli } from "../helpers/run-cli.ts";
import packageJson from "../../package.json" with { type: "json" };

test("--version prints the package version and exits 0", async () => {
  const result = await runCli(["--version"]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout.trim()).toBe(packageJson.version);
});

test("--help lists the commands and the exit codes", async () => {
  const result = await runCli(["--help"]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain("download");
  expect(result.stdout).toContain("plan");
  expect(result.stdout).toContain("130 interrupted");
});

test("an unknown option is a usage error without a stack trace", async () => {
  const result = await runCli(["plan", "--no-such-flag", "--config", "/nonexistent.yaml"]);
  expect(result.exitCode).not.toBe(0);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
