import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../../src/store/index.ts";
import { APPLICATION_ID, MIGRATIONS, judgeSchema } from "../../src/store/migrations.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { createStoreAtSchema } from "../helpers/old-schema-store.ts";

function openWithLog(path: string) {
  const log = createRecordingLog();
  const store = openStore(path, { clock: createFakeClock(), log });
  return { store, log };
}

const brokenCopies = (dir: string) => readdirSync(dir).filter((name) => name.includes(".broken-"));

describe("opening the store", () => {
  test("a missing folder is created and the data survives a reopen", () => {
    using dir = createTempDir();
    const path = join(dir.path, "a", "b", "musicdl.sqlite");
    const first = openWithLog(path).store;
    first.plugins.forPlugin("spotify").set("k", { v: 1 }, null);
    first.close();
    const { store, log } = openWithLog(path);
    expect(store.plugins.forPlugin("spotify").get("k")).toEqual({ v: 1 });
    expect(store.stats().schemaVersion).toBe(MIGRATIONS.length);
    expect(log.warnings).toEqual([]);
    store.close();
  });

  test("a store from the first release (schema 1) is migrated in place, keeping its library index", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    const old = createStoreAtSchema(path, 1);
    old.run("INSERT INTO library_files VALUES ('/music', 'id1', NULL, '/music/a.mp3', 'mp3', 3, 1, 'h', 1, NULL)");
    old.close();
    const { store, log } = openWithLog(path);
    expect(store.stats().schemaVersion).toBe(MIGRATIONS.length);
    expect(store.library("/music").get("spotify:id1")?.path).toBe("/music/a.mp3");
    expect(store.playlists("/music").all()).toEqual([]);
    expect(log.warnings).toEqual([]);
    store.close();
  });

  test("musicdl processes opening a fresh store at the same moment all succeed, and none moves it aside", async () => {
    using dir = createTempDir();
    const child = join(import.meta.dir, "_open-and-write.ts");
    // Each round is a race on a new file: switching it to WAL and migrating it while the others look at it.
    for (let round = 0; round < 30; round++) {
      const path = join(dir.path, `round-${round}.sqlite`);
      const runs = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const proc = Bun.spawn([process.execPath, child, path], { stdout: "pipe", stderr: "pipe" });
          const [stdout, stderr, exitCode] = await Promise.all([
            new Response(proc.stdout).text(),
            new Response(proc.stderr).text(),
            proc.exited,
          ]);
          return { output: stdout + stderr, exitCode };
        }),
      );
      expect(runs.filter((run) => run.exitCode !== 0 || run.output !== "")).toEqual([]);
      const store = openWithLog(path).store;
      expect(store.stats().plugins.rows).toBe(4);
      store.close();
    }
    expect(brokenCopies(dir.path)).toEqual([]);
  }, 30_000);

  test("the file is in WAL mode with a busy timeout, so two processes can share it", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    openWithLog(path).store.close();
    const db = new Database(path);
    expect(db.query("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    db.close();
  });

  test("a file of garbage bytes is moved aside with a warning and a fresh store is built", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37 + 11) % 256)));
    const { store, log } = openWithLog(path);
    store.plugins.forPlugin("spotify").set("k", 1, null);
    expect(store.plugins.forPlugin("spotify").get("k")).toBe(1);
    store.close();
    expect(brokenCopies(dir.path)).toEqual([
      expect.stringMatching(/^musicdl\.sqlite\.broken-2024-01-01T00-00-00-000Z$/),
    ]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain("is damaged or not a database");
    expect(log.warnings[0]).toContain(".broken-");
  });

  test("a file written by a newer musicdl (schema 999) is moved aside, not guessed at", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    openWithLog(path).store.close();
    const db = new Database(path);
    db.run("PRAGMA user_version = 999");
    db.close();
    const { store, log } = openWithLog(path);
    expect(store.stats().schemaVersion).toBe(MIGRATIONS.length);
    store.close();
    expect(log.warnings[0]).toContain("newer musicdl (schema 999");
    expect(brokenCopies(dir.path)).toContain(`musicdl.sqlite.broken-2024-01-01T00-00-00-000Z`);
  });

  test("another application's database is moved aside intact", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    const db = new Database(path);
    db.run("CREATE TABLE notes (body TEXT)");
    db.run("INSERT INTO notes VALUES ('hello')");
    db.close();
    const { store, log } = openWithLog(path);
    store.close();
    expect(log.warnings[0]).toContain("another application");
    const kept = new Database(join(dir.path, "musicdl.sqlite.broken-2024-01-01T00-00-00-000Z"));
    expect(kept.query("SELECT body FROM notes").all()).toEqual([{ body: "hello" }]);
    kept.close();
  });

  test("the moved-aside copy of a newer store keeps its data", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    const newer = openWithLog(path).store;
    newer.plugins.forPlugin("spotify").set("track:1", { name: "YYZ" }, null);
    newer.close();
    const raw = new Database(path);
    raw.run("PRAGMA user_version = 999");
    raw.close();
    openWithLog(path).store.close();
    const kept = new Database(join(dir.path, "musicdl.sqlite.broken-2024-01-01T00-00-00-000Z"));
    expect(kept.query("SELECT value FROM plugin_cache").all()).toEqual([{ value: '{"name":"YYZ"}' }]);
    kept.close();
  });
});

test.each([
  { name: "an empty file is migrated", header: [0, 0, 0], want: "migrate" },
  { name: "a current file is used", header: [MIGRATIONS.length, APPLICATION_ID, 9], want: "current" },
  { name: "an older musicdl file is migrated", header: [MIGRATIONS.length - 1, APPLICATION_ID, 9], want: "migrate" },
  { name: "a newer musicdl file is refused", header: [999, APPLICATION_ID, 9], want: "newer" },
  { name: "tables without our id are foreign", header: [0, 0, 2], want: "foreign" },
  { name: "a versioned file of another app is foreign", header: [3, 0x1234, 2], want: "foreign" },
])("$name", ({ header, want }) => {
  const [userVersion, applicationId, tableCount] = header as [number, number, number];
  expect(judgeSchema({ userVersion, applicationId, tableCount })).toBe(want);
});
