import { describe, expect, test } from "bun:test";
import { appendFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileFingerprint, openStore, type LibraryRow } from "../../src/store/index.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

function setup(dir: string) {
  const store = openStore(join(dir, "musicdl.sqlite"), { clock: createFakeClock(), log: createRecordingLog() });
  const file = join(dir, "YYZ.mp3");
  writeFileSync(file, "ID3 fake audio bytes");
  const row: LibraryRow = {
    trackKey: "1RKbVxcm267VdsIzqY7msi",
    isrc: "CAU118100012",
    path: file,
    format: "mp3",
    ...fileFingerprint(file),
    tagHash: "h1",
    writtenAtMs: 1,
    sourceIds: ["youtube-music:v1"],
  };
  store.library(dir).upsert(row);
  return { store, file, row, library: store.library(dir) };
}

describe("library index", () => {
  test("a file musicdl wrote and nobody touched is present", () => {
    using dir = createTempDir();
    const { store, library, row } = setup(dir.path);
    expect(library.isPresentAndComplete(row.trackKey)).toEqual({ present: true, path: row.path, format: row.format });
    expect(library.get(row.trackKey)).toEqual(row);
    expect(library.findByIsrc("CAU118100012")).toEqual([row]);
    expect(library.all()).toEqual([row]);
    store.close();
  });

  test("a track not in the index is not present", () => {
    using dir = createTempDir();
    const { store, library } = setup(dir.path);
    expect(library.isPresentAndComplete("other")).toEqual({ present: false, reason: "not in the library index" });
    store.close();
  });

  test("a deleted file is reported missing", () => {
    using dir = createTempDir();
    const { store, library, row, file } = setup(dir.path);
    rmSync(file);
    expect(library.isPresentAndComplete(row.trackKey)).toEqual({
      present: false,
      reason: "file is missing",
      path: file,
    });
    store.close();
  });

  test("a file that grew is reported changed", () => {
    using dir = createTempDir();
    const { store, library, row, file } = setup(dir.path);
    appendFileSync(file, "more");
    expect(library.isPresentAndComplete(row.trackKey).reason).toContain("changed since musicdl wrote it (size");
    store.close();
  });

  test("a file touched by another program (same size, new mtime) is reported changed", () => {
    using dir = createTempDir();
    const { store, library, row, file } = setup(dir.path);
    utimesSync(file, new Date(), new Date(row.mtimeMs + 5_000));
    expect(library.isPresentAndComplete(row.trackKey).reason).toContain("modified time differs");
    store.close();
  });

  test("two libraries sharing one cache file keep separate indexes", () => {
    using dir = createTempDir();
    const { store, row } = setup(dir.path);
    expect(store.library("/elsewhere").get(row.trackKey)).toBeUndefined();
    expect(store.library("/elsewhere").all()).toEqual([]);
    store.close();
  });

  test("remove drops the row; relative paths are refused", () => {
    using dir = createTempDir();
    const { store, library, row } = setup(dir.path);
    expect(library.remove(row.trackKey)).toBe(true);
    expect(library.remove(row.trackKey)).toBe(false);
    expect(() => library.upsert({ ...row, path: "music/YYZ.mp3" })).toThrow("absolute");
    store.close();
  });
});
