import { describe, expect, test } from "bun:test";
import { createProgressRenderer, liveLines } from "../../src/cli/progress/render.ts";
import { applyEvent, createProgressState } from "../../src/cli/progress/state.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

const counts = { pending: 3, matching: 0, matched: 0, downloading: 0, tagging: 0, done: 0, skipped: 0, failed: 0 };

describe("progress", () => {
  test("the live view shows counts, ETA and one line per item in flight with its stage", () => {
    const state = createProgressState(0);
    applyEvent(state, { type: "run-start", total: 3, counts });
    applyEvent(state, { type: "item-end", id: "a", label: "Rush - YYZ", status: "done" });
    applyEvent(state, { type: "item-stage", id: "b", label: "Rush - Limelight", stage: "download" });
    const lines = liveLines(state, 2_000, 120);
    expect(lines[0]).toContain("1/3");
    expect(lines[0]).toContain("done 1");
    expect(lines[0]).toContain("ETA 4s");
    expect(lines[1]).toBe("  download Rush - Limelight");
  });

  test("a rate-limit wait shows with the time left", () => {
    const state = createProgressState(0);
    applyEvent(state, { type: "wait", reason: "Spotify asked for a pause", untilMs: 65_000 });
    expect(liveLines(state, 5_000, 120)).toContain("  waiting 1m00s: Spotify asked for a pause");
  });

  test("plain mode prints one line per finished item and nothing for stages", () => {
    const out: string[] = [];
    const renderer = createProgressRenderer({ mode: "lines", write: (t) => out.push(t) });
    renderer.onEvent({ type: "run-start", total: 2, counts });
    renderer.onEvent({ type: "item-stage", id: "a", label: "Rush - YYZ", stage: "match" });
    renderer.onEvent({ type: "item-end", id: "a", label: "Rush - YYZ", status: "done" });
    renderer.onEvent({ type: "item-end", id: "b", label: "Rush - Tom Sawyer", status: "failed", detail: "no match" });
    expect(out).toEqual(["[1/2] done Rush - YYZ\n", "[2/2] failed Rush - Tom Sawyer: no match\n"]);
  });

  test("--json mode writes one JSON event per line", () => {
    const out: string[] = [];
    const renderer = createProgressRenderer({ mode: "json", write: (t) => out.push(t), now: () => 42 });
    renderer.onEvent({ type: "item-end", id: "a", label: "Rush - YYZ", status: "done" });
    const event = JSON.parse(out[0]!);
    expect(event).toEqual({
      schema_version: 1,
      type: "item-end",
      id: "a",
      label: "Rush - YYZ",
      status: "done",
      at: 42,
    });
    expectDocumentedJson("download", event);
  });
});

describe("the live view around the run", () => {
  test("nothing is drawn while the plan is made, so its warnings are not torn; stop draws once", async () => {
    const out: string[] = [];
    const renderer = createProgressRenderer({ mode: "live", write: (t) => out.push(t), columns: 120 });
    await Bun.sleep(250);
    expect(out).toEqual([]);
    renderer.onEvent({ type: "run-start", total: 1, counts });
    renderer.onEvent({ type: "item-end", id: "a", label: "Rush - YYZ", status: "done" });
    renderer.stop();
    renderer.stop();
    expect(out).toHaveLength(1);
    expect(out[0]).toContain("1/1 · done 1");
  });

  test("the run's end draws the last block once; what is written after it (prune, summary) is never drawn over", async () => {
    const out: string[] = [];
    const renderer = createProgressRenderer({ mode: "live", write: (t) => out.push(t), columns: 120 });
    renderer.onEvent({ type: "run-start", total: 1, counts });
    renderer.onEvent({ type: "item-end", id: "a", label: "Rush - YYZ", status: "done" });
    renderer.onEvent({ type: "run-end", counts: { ...counts, pending: 0, done: 1 }, interrupted: false });
    const drawn = out.length;
    expect(out.at(-1)).toContain("1/1 · done 1");
    await Bun.sleep(450);
    renderer.stop();
    expect(out).toHaveLength(drawn);
  });

  test("a run that never started leaves no bar behind", () => {
    const out: string[] = [];
    createProgressRenderer({ mode: "live", write: (t) => out.push(t) }).stop();
    expect(out).toEqual([]);
  });
});
