import { describe, expect, test } from "bun:test";
import type { PlanItem, TrackPlanItem } from "../../src/plan/model.ts";
import { keepItemsOfUnresolvedSources, removedTracks } from "../../src/plan/reconcile.ts";
import { makeTrack } from "../helpers/track-meta.ts";

function item(id: string, url: string): TrackPlanItem {
  return {
    id: `track:${id}`,
    kind: "track",
    status: "done",
    attempts: 1,
    track: makeTrack({ id: id }),
    target: `/music/${id}.mp3`,
    sources: [{ section: "albums", url }],
  };
}

describe("reconciling with the saved plan", () => {
  const saved: PlanItem[] = [item("kept", "still"), item("removed", "gone"), item("unresolved", "flaky")];

  test("entries removed from the config are dropped, but a source that failed to resolve keeps its items", () => {
    const merged = keepItemsOfUnresolvedSources([item("kept", "still")], saved, new Set(["flaky"]));
    expect(merged.map((i) => i.id)).toEqual(["track:kept", "track:unresolved"]);
    expect(removedTracks(merged, saved).map((i) => i.id)).toEqual(["track:removed"]);
  });

  test("with every source resolved, only what the config still lists remains", () => {
    const merged = keepItemsOfUnresolvedSources([item("kept", "still")], saved, new Set());
    expect(removedTracks(merged, saved).map((i) => i.id)).toEqual(["track:removed", "track:unresolved"]);
  });

  test("when a library word cannot be listed, the items of every source it brought are kept, not removed", () => {
    const fromLibrary: TrackPlanItem = {
      ...item("road-trip-song", "https://open.spotify.com/playlist/0RoadTripPlaylist00001"),
      sources: [
        { section: "playlists", url: "https://open.spotify.com/playlist/0RoadTripPlaylist00001", via: "my-playlists" },
      ],
    };
    const previous = [...saved, fromLibrary];
    const merged = keepItemsOfUnresolvedSources([item("kept", "still")], previous, new Set(["my-playlists"]));
    expect(merged.map((i) => i.id)).toEqual(["track:kept", "track:road-trip-song"]);
    expect(removedTracks(merged, previous).map((i) => i.id)).toEqual(["track:removed", "track:unresolved"]);
  });
});
