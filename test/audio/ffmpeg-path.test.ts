import { describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findFfmpeg } from "../../src/audio/ffmpeg-path.ts";
import { MusicdlError } from "../../src/errors.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const noStatic = async () => null;

function fakeExecutable(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, "#!/bin/sh\nexit 0\n");
  chmodSync(file, 0o755);
  return file;
}

describe("findFfmpeg", () => {
  test("MUSICDL_FFMPEG wins, with the ffprobe beside it", async () => {
    using dir = createTempDir();
    const ffmpeg = fakeExecutable(dir.path, "ffmpeg");
    const ffprobe = fakeExecutable(dir.path, "ffprobe");
    const found = await findFfmpeg({ MUSICDL_FFMPEG: ffmpeg, PATH: "" }, async () => "/nonexistent");
    expect(found).toEqual({ ffmpeg, ffprobe, origin: "env" });
  });

  test("MUSICDL_FFMPEG pointing nowhere says so", async () => {
    const found = findFfmpeg({ MUSICDL_FFMPEG: "/nope/ffmpeg", PATH: "" }, noStatic);
    await expect(found).rejects.toThrow("MUSICDL_FFMPEG points to /nope/ffmpeg");
  });

  test("ffmpeg-static is used when installed; ffprobe then comes from PATH", async () => {
    using dir = createTempDir();
    const bundled = fakeExecutable(join(dir.path, "static"), "ffmpeg");
    const ffprobe = fakeExecutable(join(dir.path, "bin"), "ffprobe");
    const found = await findFfmpeg({ PATH: join(dir.path, "bin") }, async () => bundled);
    expect(found).toEqual({ ffmpeg: bundled, ffprobe, origin: "ffmpeg-static" });
  });

  test("ffmpeg on PATH is found when ffmpeg-static is not installed", async () => {
    using dir = createTempDir();
    const ffmpeg = fakeExecutable(dir.path, "ffmpeg");
    const found = await findFfmpeg({ PATH: dir.path }, async () => {
      throw new Error("Cannot find package 'ffmpeg-static'");
    });
    expect(found).toEqual({ ffmpeg, ffprobe: null, origin: "path" });
  });

  test("no ffmpeg anywhere is a clear error naming both options and the fix", async () => {
    using dir = createTempDir();
    const error = await findFfmpeg({ PATH: dir.path }, noStatic).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MusicdlError);
    const { message, hint } = error as MusicdlError;
    expect(message).toContain("ffmpeg-static");
    expect(message).toContain("PATH");
    expect(hint).toContain("apt-get install ffmpeg");
    expect(hint).toContain("brew install ffmpeg");
    expect(hint).toContain("MUSICDL_FFMPEG");
  });

  test("the answer is cached per environment", async () => {
    using dir = createTempDir();
    fakeExecutable(dir.path, "ffmpeg");
    const env = { PATH: dir.path };
    let loads = 0;
    const loader = async () => {
      loads++;
      return null;
    };
    const first = await findFfmpeg(env, loader);
    expect(await findFfmpeg(env, loader)).toBe(first);
    expect(loads).toBe(1);
  });

  test("the real default finds this machine's ffmpeg", async () => {
    const found = await findFfmpeg();
    expect(found.ffmpeg).toMatch(/ffmpeg$/);
  });
});
