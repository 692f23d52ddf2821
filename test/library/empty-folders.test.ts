import { expect, test } from "bun:test";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeEmptiedFolders } from "../../src/library/empty-folders.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

test("folders emptied by a deletion go up to the library folder, which stays even when empty", () => {
  using dir = createTempDir();
  const library = join(dir.path, "music");
  mkdirSync(join(library, "Artist", "Album"), { recursive: true });
  removeEmptiedFolders([join(library, "Artist", "Album", "01 - Song.mp3")], library);
  expect(existsSync(join(library, "Artist"))).toBe(false);
  expect(existsSync(library)).toBe(true);
});

test("a folder still holding a file stays, and so do its parents", () => {
  using dir = createTempDir();
  mkdirSync(join(dir.path, "Artist", "Album"), { recursive: true });
  mkdirSync(join(dir.path, "Artist", "Other"), { recursive: true });
  writeFileSync(join(dir.path, "Artist", "Other", "notes.txt"), "mine");
  removeEmptiedFolders(
    [join(dir.path, "Artist", "Album", "a.mp3"), join(dir.path, "Artist", "Other", "b.mp3")],
    dir.path,
  );
  expect(existsSync(join(dir.path, "Artist", "Album"))).toBe(false);
  expect(existsSync(join(dir.path, "Artist", "Other", "notes.txt"))).toBe(true);
});

test("a file outside the library folder never leads to removing a folder there", () => {
  using dir = createTempDir();
  const library = join(dir.path, "music");
  mkdirSync(library);
  mkdirSync(join(dir.path, "elsewhere"));
  removeEmptiedFolders([join(dir.path, "elsewhere", "x.mp3")], library);
  expect(existsSync(join(dir.path, "elsewhere"))).toBe(true);
});
