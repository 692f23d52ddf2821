import { expect, test } from "bun:test";
import { runCli } from "../helpers/run-cli.ts";

test.each([
  { args: ["cache", "clear", "--help"], usage: "USAGE musicdl cache clear", mentions: "--library" },
  { args: ["auth", "login", "--help"], usage: "USAGE musicdl auth login", mentions: "--client-id" },
  { args: ["auth", "-h"], usage: "USAGE musicdl auth", mentions: "login" },
  { args: ["plan", "--help"], usage: "USAGE musicdl plan", mentions: "--json" },
])("musicdl $args shows that command's own usage", async ({ args, usage, mentions }) => {
  const result = await runCli([...args]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain(usage);
  expect(result.stdout).toContain(mentions);
});
