import { expect, test } from "bun:test";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { M3uPlanItem, PlanItem, TrackPlanItem } from "../../../src/plan/model.ts";
import { writeM3uItem } from "../../../src/plan/stages/m3u.ts";
import { createTempDir } from "../../library/_temp-dir.ts";
import { makeTrack } from "../../helpers/track-meta.ts";

function trackItem(dir: string, id: string, title: string): TrackPlanItem {
  const track = makeTrack({ id: id, title });
  return {
    id: `track:${id}`,
    kind: "track",
    status: "done",
    attempts: 1,
    track,
    target: join(dir, `${title}.mp3`),
    sources: [],
  };
}

function m3uItem(dir: string, entries: string[]): M3uPlanItem {
  const target = join(dir, "Road Trip.m3u8");
  return {
    id: "m3u:playlist:p1",
    kind: "m3u",
    status: "pending",
    attempts: 0,
    title: "Road Trip",
    target,
    entries,
    sources: [],
  };
}

test("a re-run leaves an unchanged M3U untouched and rewrites it when the playlist changed", async () => {
  using dir = createTempDir();
  const tracks = [
    trackItem(dir.path, "a", "YYZ"),
    trackItem(dir.path, "b", "Limelight"),
    trackItem(dir.path, "c", "Tom Sawyer"),
  ];
  const byId = new Map<string, PlanItem>(tracks.map((item) => [item.id, item]));
  const first = await writeM3uItem(m3uItem(dir.path, ["track:a", "track:b"]), byId);
  expect(first).toEqual({ listed: 2, missing: 0, written: true });
  const before = statSync(join(dir.path, "Road Trip.m3u8"));

  const again = await writeM3uItem(m3uItem(dir.path, ["track:a", "track:b"]), byId);
  expect(again.written).toBe(false);
  const after = statSync(join(dir.path, "Road Trip.m3u8"));
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);

  const changed = await writeM3uItem(m3uItem(dir.path, ["track:a", "track:c"]), byId);
  expect(changed.written).toBe(true);
  expect(readFileSync(join(dir.path, "Road Trip.m3u8"), "utf8")).toContain("Tom Sawyer.mp3");
});
