import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import type { ChosenCandidate, PlanItem } from "../../src/plan/model.ts";
import { openStore } from "../../src/store/index.ts";
import { createFakeClock, createRecordingLog, m3uItem, trackItem } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";
import { reconcileItem } from "../../src/plan/reconcile-item.ts";
import { MIGRATIONS } from "../../src/store/migrations.ts";
import { createStoreAtSchema } from "../helpers/old-schema-store.ts";

const LIBRARY = "/music";
const match: ChosenCandidate = {
  candidate: {
    provider: "youtube-music",
    id: "v1",
    title: "YYZ",
    artists: ["Rush"],
    durationMs: 266_000,
    kind: "song",
    url: "https://music.youtube.com/watch?v=v1",
  },
  distance: 0.05,
  verdict: "strong",
};

function open(dir: string) {
  return openStore(join(dir, "musicdl.sqlite"), { clock: createFakeClock(), log: createRecordingLog() });
}

describe("plan state", () => {
  test("a library that never had a plan loads as null; a saved one comes back in order, unchanged", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    expect(store.plans.loadPlan<PlanItem>(LIBRARY)).toBeNull();
    const items: PlanItem[] = [trackItem("b"), trackItem("a"), m3uItem("mix", ["track:spotify:b", "track:spotify:a"])];
    store.plans.savePlan<PlanItem>(LIBRARY, { items }, { reconcile: reconcileItem });
    expect(store.plans.loadPlan<PlanItem>(LIBRARY)).toEqual(items);
    expect(store.plans.loadPlan("/other")).toBeNull();
    store.close();
  });

  test("saving a new plan keeps progress of items that remain, adds new ones and drops removed ones", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    store.plans.savePlan<PlanItem>(
      LIBRARY,
      { items: [trackItem("a"), trackItem("b"), trackItem("gone")] },
      { reconcile: reconcileItem },
    );
    store.plans.updateItem(LIBRARY, "track:spotify:a", {
      status: "failed",
      attempts: 2,
      error: { stage: "download", reason: "403" },
    });
    store.plans.updateItem(LIBRARY, "track:spotify:b", { status: "matched", attempts: 1, match });
    const saved = store.plans.savePlan<PlanItem>(
      LIBRARY,
      {
        items: [trackItem("new"), trackItem("b", { target: "/music/renamed.mp3" }), trackItem("a")],
      },
      { reconcile: reconcileItem },
    );
    expect(saved.map((item) => [item.id, item.status, item.attempts])).toEqual([
      ["track:spotify:new", "pending", 0],
      ["track:spotify:b", "matched", 1],
      ["track:spotify:a", "failed", 2],
    ]);
    const loaded = store.plans.loadPlan<PlanItem>(LIBRARY)!;
    expect(loaded).toEqual(saved);
    expect(loaded[1]).toMatchObject({ target: "/music/renamed.mp3", match });
    expect(loaded[2]?.error).toEqual({ stage: "download", reason: "403" });
    store.close();
  });

  test("a re-save given the plan it loaded keeps progress, and a stale loaded plan does not hide newer progress", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    store.plans.savePlan<PlanItem>(LIBRARY, { items: [trackItem("a"), trackItem("b")] }, { reconcile: reconcileItem });
    store.plans.updateItem(LIBRARY, "track:spotify:a", { status: "failed", attempts: 1 });
    const loaded = store.plans.loadPlan<PlanItem>(LIBRARY)!;
    const again = store.plans.savePlan<PlanItem>(
      LIBRARY,
      { items: [trackItem("b"), trackItem("a")] },
      { reconcile: reconcileItem, previous: loaded },
    );
    expect(again.map((item) => [item.id, item.status])).toEqual([
      ["track:spotify:b", "pending"],
      ["track:spotify:a", "failed"],
    ]);
    expect(store.plans.loadPlan<PlanItem>(LIBRARY)).toEqual(again);
    // Another save added c since `loaded` was read; its progress must come from the store, not the stale list.
    store.plans.savePlan<PlanItem>(
      LIBRARY,
      { items: [trackItem("a"), trackItem("b"), trackItem("c")] },
      { reconcile: reconcileItem },
    );
    store.plans.updateItem(LIBRARY, "track:spotify:c", { status: "failed", attempts: 3 });
    const saved = store.plans.savePlan<PlanItem>(
      LIBRARY,
      { items: [trackItem("c")] },
      { reconcile: reconcileItem, previous: loaded },
    );
    expect(saved.map((item) => [item.id, item.status, item.attempts])).toEqual([["track:spotify:c", "failed", 3]]);
    expect(store.plans.loadPlan<PlanItem>(LIBRARY)).toEqual(saved);
    store.close();
  });

  test("updateItem writes each change at once, and null removes a field", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    store.plans.savePlan<PlanItem>(LIBRARY, { items: [trackItem("a")] }, { reconcile: reconcileItem });
    store.plans.updateItem(LIBRARY, "track:spotify:a", {
      status: "failed",
      error: { stage: "match", reason: "no match" },
    });
    store.close();
    const reopened = open(dir.path);
    expect(reopened.plans.loadPlan<PlanItem>(LIBRARY)?.[0]).toMatchObject({
      status: "failed",
      error: { reason: "no match" },
    });
    reopened.plans.updateItem(LIBRARY, "track:spotify:a", { status: "done", error: null });
    const item = reopened.plans.loadPlan<PlanItem>(LIBRARY)?.[0];
    expect(item?.status).toBe("done");
    expect(item && "error" in item).toBe(false);
    expect(() => reopened.plans.updateItem(LIBRARY, "track:spotify:nope", { status: "done" })).toThrow(
      "no saved plan item",
    );
    reopened.close();
  });

  test("a chosen match is stored exactly, nulls in the provider's data included", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    store.plans.savePlan<PlanItem>(LIBRARY, { items: [trackItem("a")] }, { reconcile: reconcileItem });
    const withData = { ...match, candidate: { ...match.candidate, data: { playlistId: null, formats: [null, 1] } } };
    store.plans.updateItem(LIBRARY, "track:spotify:a", { status: "matched", match: withData });
    expect(store.plans.loadPlan<PlanItem>(LIBRARY)?.[0]).toMatchObject({ status: "matched", match: withData });
    expect(() => store.plans.updateItem(LIBRARY, "track:spotify:a", { id: "x" } as never)).toThrow("cannot be patched");
    store.close();
  });

  test("an item a killed run left `resolving` (the old name of `matching`) loads as `matching` after the upgrade", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    const renaming = MIGRATIONS.findIndex(
      (step) => typeof step === "string" && step.includes("SET status = 'matching'"),
    );
    const old = createStoreAtSchema(path, renaming);
    old.run("INSERT INTO plans (library_key, saved_at_ms) VALUES ('/music', 1)");
    const items = [trackItem("a", { status: "resolving" as never, attempts: 1 }), trackItem("b", { status: "done" })];
    for (const [position, item] of items.entries())
      old.run("INSERT INTO plan_items (library_key, id, position, status, item) VALUES (?1, ?2, ?3, ?4, ?5)", [
        "/music",
        item.id,
        position,
        item.status,
        JSON.stringify(item),
      ]);
    old.close();
    const store = openStore(path, { clock: createFakeClock(), log: createRecordingLog() });
    expect(store.plans.loadPlan<PlanItem>("/music")?.map((item) => [item.id, item.status])).toEqual([
      ["track:spotify:a", "matching"],
      ["track:spotify:b", "done"],
    ]);
    const saved = store.plans.savePlan<PlanItem>("/music", { items: [trackItem("a")] }, { reconcile: reconcileItem });
    expect(saved[0]?.status).toBe("pending");
    store.close();
  });

  test("runs are recorded per library, newest first", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    store.plans.recordRun(LIBRARY, { startedAtMs: 1, endedAtMs: 2, counts: { done: 3 } });
    store.plans.recordRun(LIBRARY, { startedAtMs: 5, endedAtMs: 9, counts: { done: 1, failed: 1 } });
    store.plans.recordRun("/other", { startedAtMs: 7, endedAtMs: 8, counts: {} });
    expect(store.plans.recentRuns(LIBRARY)).toEqual([
      { startedAtMs: 5, endedAtMs: 9, counts: { done: 1, failed: 1 } },
      { startedAtMs: 1, endedAtMs: 2, counts: { done: 3 } },
    ]);
    store.close();
  });

  test("10,000 status updates complete (time printed, not asserted)", () => {
    using dir = createTempDir();
    const store = open(dir.path);
    const items = Array.from({ length: 2000 }, (_, i) => trackItem(`t${i}`));
    const saveStart = performance.now();
    store.plans.savePlan<PlanItem>(LIBRARY, { items }, { reconcile: reconcileItem });
    const saveMs = performance.now() - saveStart;
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) {
      store.plans.updateItem(LIBRARY, `track:spotify:t${i % 2000}`, {
        status: i % 2 ? "downloading" : "tagging",
        attempts: i,
      });
    }
    const updateMs = performance.now() - start;
    console.error(`[bench] savePlan 2000 items: ${saveMs.toFixed(0)} ms; 10000 updateItem: ${updateMs.toFixed(0)} ms`);
    expect(store.plans.loadPlan<PlanItem>(LIBRARY)?.[1999]).toMatchObject({ status: "downloading", attempts: 9999 });
    store.close();
  });
});

test.each([
  { name: "a new item starts fresh", saved: undefined, fresh: trackItem("a"), want: ["pending", 0] },
  {
    name: "a failed item keeps its attempts",
    saved: trackItem("a", { status: "failed", attempts: 3 }),
    fresh: trackItem("a"),
    want: ["failed", 3],
  },
  {
    name: "a matched item keeps its match",
    saved: trackItem("a", { status: "matched", attempts: 1, match }),
    fresh: trackItem("a"),
    want: ["matched", 1],
  },
  {
    name: "a done item whose file is gone starts over",
    saved: trackItem("a", { status: "done", attempts: 1 }),
    fresh: trackItem("a"),
    want: ["pending", 0],
  },
  {
    name: "the generator's skip wins over a saved failure",
    saved: trackItem("a", { status: "failed", attempts: 2 }),
    fresh: trackItem("a", { status: "skipped", skipReason: "already present" }),
    want: ["skipped", 0],
  },
  {
    name: "an interrupted download restarts from its match",
    saved: trackItem("a", { status: "downloading", attempts: 1, match }),
    fresh: trackItem("a"),
    want: ["matched", 1],
  },
  {
    name: "an interrupted search restarts from scratch",
    saved: trackItem("a", { status: "matching" }),
    fresh: trackItem("a"),
    want: ["pending", 0],
  },
])("reconcile: $name", ({ saved, fresh, want }) => {
  const item = reconcileItem(saved, fresh);
  expect({ status: item.status, attempts: item.attempts }).toEqual({ status: want[0], attempts: want[1] });
});

test("reconcile: a track found present keeps its saved match, so a later re-tag still knows its source", () => {
  const saved = trackItem("a", { status: "done", attempts: 1, match });
  const item = reconcileItem(saved, trackItem("a", { status: "skipped", skipReason: "already present" }));
  expect(item.status).toBe("skipped");
  expect(item.kind === "track" ? item.match : undefined).toEqual(match);
});
