/**
 * The Docker image's runtime file set, checked without Docker: scripts/check-runtime-rootfs.sh builds a root holding
 * only what musicdl.Dockerfile's final stage copies (distroless cc-debian12, the binary, ffmpeg) and downloads the
 * demo library in it as uid 65532. It needs root (chroot, mount); CI runs as root.
 */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { compiledBinary } from "../helpers/compiled-binary.ts";
import { runCli } from "../helpers/run-cli.ts";

const SCRIPT = join(import.meta.dir, "..", "..", "scripts", "check-runtime-rootfs.sh");
const isRoot = process.getuid?.() === 0;

test(isRoot
  ? "in a root holding only the image's files, musicdl runs as 65532 without a shell and writes the tagged demo library"
  : "the runtime-rootfs check refuses to run without root, saying why", async () => {
  const { stdout, stderr, exitCode } = await runCli([SCRIPT], {
    executable: "bash",
    env: { MUSICDL_BIN: await compiledBinary() },
  });
  if (!isRoot) {
    expect(exitCode).toBe(1);
    expect(stderr).toContain("must run as root");
    return;
  }
  expect(stderr).toBe("");
  expect(exitCode).toBe(0);
  expect(stdout).toContain("no shell");
  expect(stdout).toContain("musicdl doctor as 65532: all checks pass");
  expect(stdout).toMatch(/ok: [1-9]\d* tagged tracks and [1-9]\d* playlists written by uid 65532/);
}, 60_000);
