/** Pins: what `--pin` and `download.pins` accept, how a plan takes them, and that the store keeps them. */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { parsePinTarget, pinnedCandidate } from "../../src/match/pins.ts";
import { applyPins } from "../../src/plan/apply-pins.ts";
import type { TrackPlanItem } from "../../src/plan/model.ts";
import { openStore } from "../../src/store/index.ts";
import { makeTrack } from "../helpers/track-meta.ts";
import { createFakeClock, createRecordingLog, tempDir } from "../store/helpers.ts";

describe("parsePinTarget", () => {
  test.each([
    ["skip", { kind: "skip" }],
    [" SKIP ", { kind: "skip" }],
    [
      "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x",
      {
        kind: "pin",
        provider: "youtube-music",
        id: "dQw4w9WgXcQ",
        url: "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x",
      },
    ],
    [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      { kind: "pin", provider: "youtube", id: "dQw4w9WgXcQ", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
    ],
    [
      "https://youtu.be/dQw4w9WgXcQ",
      { kind: "pin", provider: "youtube", id: "dQw4w9WgXcQ", url: "https://youtu.be/dQw4w9WgXcQ" },
    ],
    ["dQw4w9WgXcQ", { kind: "pin", id: "dQw4w9WgXcQ" }],
    [
      "bandcamp:https-artist-bandcamp-com-track-x",
      { kind: "pin", provider: "bandcamp", id: "https-artist-bandcamp-com-track-x" },
    ],
  ] as const)("%s", (text, want) => expect(parsePinTarget(text)).toEqual(want));

  test.each(["https://example.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short", "not a link", ""])(
    "%p names nothing fetchable",
    (text) => expect(parsePinTarget(text)).toBeNull(),
  );

  test("a bare id goes to the first provider, with that provider's link", () => {
    const candidate = pinnedCandidate(makeTrack({ id: "t1" }), { kind: "pin", id: "dQw4w9WgXcQ" }, ["youtube"]);
    expect(candidate).toMatchObject({
      provider: "youtube",
      id: "dQw4w9WgXcQ",
      url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    });
  });
});

describe("applyPins", () => {
  const item = (id: string): TrackPlanItem => ({
    id: `track:spotify:${id}`,
    kind: "track",
    status: "pending",
    attempts: 0,
    target: `/music/${id}.mp3`,
    sources: [],
    track: makeTrack({ id }),
  });

  test("a pin sets the match without a search, a skip skips, other tracks stay as they were", () => {
    const items = [item("a"), item("b"), item("c")];
    applyPins(items, { "spotify:a": "https://music.youtube.com/watch?v=dQw4w9WgXcQ", "spotify:b": "skip" }, [
      "youtube-music",
    ]);
    expect(items[0]).toMatchObject({
      pinned: true,
      match: { candidate: { provider: "youtube-music", id: "dQw4w9WgXcQ" } },
    });
    expect(items[1]).toMatchObject({ status: "skipped", skipReason: "skipped by pin" });
    expect(items[2]!.pinned).toBeUndefined();
    expect(items[2]!.match).toBeUndefined();
  });
});

describe("pin store", () => {
  test("pins survive a reopen and a cache clear; a new pin replaces the old one", () => {
    using dir = tempDir();
    const path = join(dir.path, "musicdl.sqlite");
    const first = openStore(path, { clock: createFakeClock(), log: createRecordingLog() });
    first.pins.set("t1", "https://youtu.be/dQw4w9WgXcQ");
    first.pins.set("t2", "skip");
    first.pins.set("t1", "https://youtu.be/aaaaaaaaaaa");
    first.clear({ spotify: true, search: true, library: true });
    first.close();
    const again = openStore(path, { clock: createFakeClock(), log: createRecordingLog() });
    expect(again.pins.all()).toEqual({ t1: "https://youtu.be/aaaaaaaaaaa", t2: "skip" });
    again.close();
  });
});
