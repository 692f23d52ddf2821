import { describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pruneUnlisted } from "../../src/plan/prune.ts";
import { openStore } from "../../src/store/index.ts";
import { playlistPlan } from "./_executor-world.ts";
import { makeTrack } from "../helpers/track-meta.ts";

function setUp() {
  const root = mkdtempSync(join(tmpdir(), "musicdl-prune-"));
  const store = openStore(join(root, "state.sqlite"));
  const library = store.library(root);
  const write = (spotifyId: string, name: string) => {
    const path = join(root, name);
    writeFileSync(path, `audio of ${spotifyId}`);
    const info = statSync(path);
    library.upsert({
      spotifyId,
      path,
      format: "mp3",
      sizeBytes: info.size,
      mtimeMs: info.mtimeMs,
      tagHash: "x",
      writtenAtMs: 0,
    });
    return path;
  };
  return {
    root,
    library,
    write,
    [Symbol.dispose]: () => {
      store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

describe("pruneUnlisted", () => {
  test("deletes only unchanged files musicdl wrote for tracks the plan no longer lists", async () => {
    using lib = setUp();
    const kept = lib.write("listed", "Listed.mp3");
    const gone = lib.write("unlisted", "Unlisted.mp3");
    const edited = lib.write("edited", "Edited.mp3");
    writeFileSync(edited, "the user re-tagged this file by hand");
    const own = join(lib.root, "Own.mp3");
    writeFileSync(own, "the user's own file");
    const plan = playlistPlan(lib.root, [makeTrack({ spotifyId: "listed", title: "Listed" })]);

    expect(await pruneUnlisted(plan.items, lib.library)).toEqual([gone]);
    expect([kept, edited, own].map(existsSync)).toEqual([true, true, true]);
    expect(existsSync(gone)).toBe(false);
    expect(lib.library.get("unlisted")).toBeUndefined();
  });

  test("a file the plan still targets stays, even indexed under another track id", async () => {
    using lib = setUp();
    const single = lib.write("singleVersion", "Song.mp3");
    const plan = playlistPlan(lib.root, [makeTrack({ spotifyId: "albumVersion", title: "Song" })]);
    expect(await pruneUnlisted(plan.items, lib.library)).toEqual([]);
    expect(existsSync(single)).toBe(true);
  });
});
