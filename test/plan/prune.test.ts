import { describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pruneUnlisted, pruneUnlistedPlaylists, unlistedPlaylists } from "../../src/plan/prune.ts";
import { openStore } from "../../src/store/index.ts";
import { playlistPlan } from "./_executor-world.ts";
import { makeTrack } from "../helpers/track-meta.ts";

function setUp() {
  const root = mkdtempSync(join(tmpdir(), "musicdl-prune-"));
  const store = openStore(join(root, "state.sqlite"));
  const library = store.library(root);
  const playlists = store.playlists(root);
  const lyrics = store.lyricsIndex(root);
  /** An .lrc musicdl wrote beside a track (as the lyrics stage records it). */
  const writeLrc = (id: string, name: string) => {
    const path = join(root, name);
    writeFileSync(path, `[00:01.00]words of ${id}\n`);
    lyrics.record({ trackKey: `spotify:${id}`, answer: "lyrics", output: "both", lrcPath: path }, 0);
    return path;
  };
  const write = (id: string, name: string) => {
    const path = join(root, name);
    writeFileSync(path, `audio of ${id}`);
    const info = statSync(path);
    library.upsert({
      trackKey: `spotify:${id}`,
      path,
      format: "mp3",
      sizeBytes: info.size,
      mtimeMs: info.mtimeMs,
      tagHash: "x",
      writtenAtMs: 0,
    });
    return path;
  };
  /** An M3U musicdl wrote for `itemId` (as the run records it). */
  const writeM3u = (itemId: string, name: string) => {
    const path = join(root, name);
    writeFileSync(path, `#EXTM3U\n# ${itemId}\n`);
    playlists.record(itemId, path, 0);
    return path;
  };
  return {
    root,
    library,
    playlists,
    lyrics,
    write,
    writeM3u,
    writeLrc,
    [Symbol.dispose]: () => {
      store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

describe("pruneUnlisted", () => {
  test("an .lrc goes with its pruned track; an edited one, or one whose edited track stays, is kept", async () => {
    using lib = setUp();
    lib.write("listed", "Listed.mp3");
    const listedLrc = lib.writeLrc("listed", "Listed.lrc");
    const gone = lib.write("unlisted", "Unlisted.mp3");
    const goneLrc = lib.writeLrc("unlisted", "Unlisted.lrc");
    lib.write("gone2", "Gone2.mp3");
    const editedLrc = lib.writeLrc("gone2", "Gone2.lrc");
    writeFileSync(editedLrc, "[00:01.00]my own corrections\n");
    const editedAudio = lib.write("kept", "Kept.mp3");
    writeFileSync(editedAudio, "the user re-tagged this file by hand");
    const keptLrc = lib.writeLrc("kept", "Kept.lrc");
    const plan = playlistPlan(lib.root, [makeTrack({ id: "listed", title: "Listed" })]);

    await pruneUnlisted(plan.items, lib.library, lib.lyrics);
    expect([gone, goneLrc].map(existsSync)).toEqual([false, false]);
    expect([listedLrc, editedLrc, keptLrc, editedAudio].map(existsSync)).toEqual([true, true, true, true]);
    expect(lib.lyrics.all().map((row) => row.trackKey)).toEqual(["spotify:kept", "spotify:listed"]);
  });

  test("deletes only unchanged files musicdl wrote for tracks the plan no longer lists", async () => {
    using lib = setUp();
    const kept = lib.write("listed", "Listed.mp3");
    const gone = lib.write("unlisted", "Unlisted.mp3");
    const edited = lib.write("edited", "Edited.mp3");
    writeFileSync(edited, "the user re-tagged this file by hand");
    const own = join(lib.root, "Own.mp3");
    writeFileSync(own, "the user's own file");
    const plan = playlistPlan(lib.root, [makeTrack({ id: "listed", title: "Listed" })]);

    expect(await pruneUnlisted(plan.items, lib.library)).toEqual([gone]);
    expect([kept, edited, own].map(existsSync)).toEqual([true, true, true]);
    expect(existsSync(gone)).toBe(false);
    expect(lib.library.get("unlisted")).toBeUndefined();
  });

  test("a file the plan still targets stays, even indexed under another track id", async () => {
    using lib = setUp();
    const single = lib.write("singleVersion", "Song.mp3");
    const plan = playlistPlan(lib.root, [makeTrack({ id: "albumVersion", title: "Song" })]);
    expect(await pruneUnlisted(plan.items, lib.library)).toEqual([]);
    expect(existsSync(single)).toBe(true);
  });
});

describe("pruneUnlistedPlaylists", () => {
  test("deletes the unchanged M3U of a source no longer listed; an edited one stays and is forgotten", async () => {
    using lib = setUp();
    const plan = playlistPlan(lib.root, [makeTrack({ id: "listed", title: "Listed" })]);
    const current = lib.writeM3u("m3u:playlist:p1", "Mix.m3u8");
    const removed = lib.writeM3u("m3u:playlist:gone", "Road Trip.m3u8");
    const edited = lib.writeM3u("m3u:playlist:edited", "Edited.m3u8");
    writeFileSync(edited, "#EXTM3U\n# my own order now\n");

    expect(unlistedPlaylists(plan.items, lib.playlists).map((row) => row.path)).toEqual([removed]);
    expect(await pruneUnlistedPlaylists(plan.items, lib.playlists)).toEqual([removed]);
    expect([current, removed, edited].map(existsSync)).toEqual([true, false, true]);
    expect(lib.playlists.all().map((row) => row.itemId)).toEqual(["m3u:playlist:p1"]);
  });

  test("an M3U path the plan still writes stays, though recorded for a source that is gone", async () => {
    using lib = setUp();
    // "Mix" was another playlist's name before; the listed playlist p1 now writes that file.
    const shared = lib.writeM3u("m3u:playlist:old", "Mix.m3u8");
    const plan = playlistPlan(lib.root, [makeTrack({ id: "listed", title: "Listed" })]);
    expect(unlistedPlaylists(plan.items, lib.playlists)).toEqual([]);
    expect(await pruneUnlistedPlaylists(plan.items, lib.playlists)).toEqual([]);
    expect(existsSync(shared)).toBe(true);
  });
});
