import { describe, expect, test } from "bun:test";
import type { PlanItem, TrackPlanItem } from "../../src/plan/model.ts";
import { reconcileWithSaved, removedTracks } from "../../src/plan/reconcile.ts";
import { makeTrack } from "../helpers/track-meta.ts";

function item(id: string, overrides: Partial<TrackPlanItem> = {}): TrackPlanItem {
  return {
    id: `track:${id}`,
    kind: "track",
    status: "pending",
    attempts: 0,
    track: makeTrack({ spotifyId: id }),
    target: `/music/${id}.mp3`,
    sources: [{ section: "playlists", url: "https://open.spotify.com/playlist/p1" }],
    ...overrides,
  };
}
const match = {
  candidate: { provider: "youtube-music", id: "vid", title: "YYZ", artists: ["Rush"], durationMs: 1, kind: "song" as const, url: "u" },
  distance: 0.05,
  verdict: "strong" as const,
};
const always = { failedSourceUrls: new Set<string>(), fileStillThere: () => true };

describe("reconcileWithSaved", () => {
  test("a track finished last run stays done while its file is there", () => {
    const [merged] = reconcileWithSaved([item("a")], [item("a", { status: "done", match, attempts: 1 })], always);
    expect(merged).toMatchObject({ status: "done", attempts: 1 });
  });

  test("a finished track whose file vanished is downloaded again, reusing its match", () => {
    const [merged] = reconcileWithSaved([item("a")], [item("a", { status: "done", match })], {
      ...always,
      fileStillThere: () => false,
    });
    expect(merged).toMatchObject({ status: "matched", match });
  });

  test("an item interrupted mid-download restarts from its match", () => {
    const [merged] = reconcileWithSaved([item("a")], [item("a", { status: "downloading", match })], always);
    expect(merged!.status).toBe("matched");
  });

  test("entries removed from the config are dropped, but a source that failed to resolve keeps its items", () => {
    const saved: PlanItem[] = [
      item("kept"),
      item("removed", { sources: [{ section: "albums", url: "gone" }] }),
      item("unresolved", { sources: [{ section: "albums", url: "flaky" }] }),
    ];
    const merged = reconcileWithSaved([item("kept")], saved, { ...always, failedSourceUrls: new Set(["flaky"]) });
    expect(merged.map((i) => i.id)).toEqual(["track:kept", "track:unresolved"]);
    expect(removedTracks(merged, saved).map((i) => i.id)).toEqual(["track:removed"]);
  });
});
