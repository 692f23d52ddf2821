/** The lyrics tables: answers cached (hits for good, misses for a day), the per-library record, and the migration. */
import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LYRICS_MISS_TTL_S, openStore } from "../../src/store/index.ts";
import { MIGRATIONS } from "../../src/store/migrations.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { createStoreAtSchema } from "../helpers/old-schema-store.ts";

const found = { instrumental: false, lyrics: { plain: "La la", synced: [{ timeMs: 500, text: "La la" }] } } as const;

test("lyrics and instrumental answers are kept for good; a miss is asked again after a day", () => {
  using dir = createTempDir();
  const clock = createFakeClock();
  const path = join(dir.path, "musicdl.sqlite");
  const store = openStore(path, { clock, log: createRecordingLog() });
  store.lyrics.set("lrclib", "hit", found);
  store.lyrics.set("lrclib", "inst", { instrumental: true });
  store.lyrics.set("lrclib", "miss", null);
  expect(store.lyrics.get("lrclib", "never")).toBeUndefined();
  expect(store.lyrics.get("lrclib", "miss")).toBeNull();
  store.close();
  clock.advance(LYRICS_MISS_TTL_S * 1000 - 1);
  const again = openStore(path, { clock, log: createRecordingLog() });
  expect(again.lyrics.get("lrclib", "miss")).toBeNull();
  clock.advance(2);
  expect(again.lyrics.get("lrclib", "miss")).toBeUndefined();
  clock.advance(365 * 86_400_000);
  expect(again.lyrics.get("lrclib", "hit")).toEqual(found);
  expect(again.lyrics.get("lrclib", "inst")).toEqual({ instrumental: true });
  // Another provider's answer for the same track is its own.
  expect(again.lyrics.get("other", "hit")).toBeUndefined();
  again.close();
});

test("the lyrics index records the .lrc file as written and notices when it changed", () => {
  using dir = createTempDir();
  const store = openStore(join(dir.path, "musicdl.sqlite"), { clock: createFakeClock(), log: createRecordingLog() });
  const lrc = join(dir.path, "a.lrc");
  writeFileSync(lrc, "[00:00.50] La la\n");
  const index = store.lyricsIndex(dir.path);
  index.record({ trackKey: "id1", answer: "lyrics", output: "both", lrcPath: lrc }, 5);
  index.record({ trackKey: "id2", answer: "instrumental", output: "both" }, 6);
  const row = index.get("id1")!;
  expect(row).toMatchObject({ trackKey: "id1", answer: "lyrics", output: "both", writtenAtMs: 5 });
  expect(row.lrc?.path).toBe(lrc);
  expect(index.isLrcUnchanged(row)).toBe(true);
  expect(index.get("id2")?.lrc).toBeUndefined();
  // Another library sharing the store sees none of them.
  expect(store.lyricsIndex("/elsewhere").all()).toEqual([]);
  writeFileSync(lrc, "[00:00.50] Edited by hand\n");
  expect(index.isLrcUnchanged(row)).toBe(false);
  index.remove("id1");
  expect(index.all().map((r) => r.trackKey)).toEqual(["id2"]);
  expect(store.clear({ library: true }).library).toBe(1);
  store.close();
});

test("a store written before lyrics (schema 2, today's release) is migrated in place, keeping its library", () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const old = createStoreAtSchema(path, 2);
  old.run("INSERT INTO library_files VALUES ('/music', 'id1', NULL, '/music/a.mp3', 'mp3', 3, 1, 'h', 1, NULL)");
  old.run("INSERT INTO library_playlists VALUES ('/music', 'm3u:playlist:p', '/music/p.m3u8', 3, 1, 1)");
  old.close();
  const log = createRecordingLog();
  const store = openStore(path, { clock: createFakeClock(), log });
  expect(store.stats().schemaVersion).toBe(MIGRATIONS.length);
  expect(store.library("/music").get("spotify:id1")?.path).toBe("/music/a.mp3");
  expect(
    store
      .playlists("/music")
      .all()
      .map((row) => row.path),
  ).toEqual(["/music/p.m3u8"]);
  store.lyrics.set("lrclib", "id1", found);
  store.lyricsIndex("/music").record({ trackKey: "id1", answer: "lyrics", output: "embed" }, 1);
  expect(store.lyricsIndex("/music").get("id1")?.output).toBe("embed");
  expect(log.warnings).toEqual([]);
  store.close();
});
