/** Pins: what `--pin` and `download.pins` accept, how a plan takes them, and that the store keeps them. */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { ConfigError } from "../../src/errors.ts";
import { pinnedCandidate, readPinText, resolvePinTarget } from "../../src/match/pins.ts";
import { applyPins, checkConfigPins } from "../../src/plan/apply-pins.ts";
import type { ProviderPlugin } from "../../src/plugins/api.ts";
import type { TrackPlanItem } from "../../src/plan/model.ts";
import { openStore } from "../../src/store/index.ts";
import { makeTrack } from "../helpers/track-meta.ts";
import { createFakeClock, createRecordingLog } from "../helpers/store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

/** A provider that recognises `bc:<slug>` links and nothing else, as a third-party provider would. */
const bandcamp: ProviderPlugin = {
  apiVersion: 1,
  kind: "provider",
  name: "bandcamp",
  search: async () => [],
  download: async () => {
    throw new Error("not in tests");
  },
  pin: (text) => (text.startsWith("https://x.bandcamp.com/track/") ? { id: text.slice(29), url: text } : null),
};
/** A provider without `pin`: reachable only as `plain:<id>`. */
const plain: ProviderPlugin = { ...bandcamp, name: "plain", pin: undefined };

describe("reading a pin", () => {
  test.each([
    ["skip", { kind: "skip" }],
    [" SKIP ", { kind: "skip" }],
    ["https://example.com/watch?v=x", { kind: "theirs", text: "https://example.com/watch?v=x" }],
    ["dQw4w9WgXcQ", { kind: "theirs", text: "dQw4w9WgXcQ" }],
    ["bandcamp:some-track", { kind: "named", provider: "bandcamp", id: "some-track" }],
  ] as const)("%p is read without asking a provider", (text, want) => expect(readPinText(text)).toEqual(want));

  test.each(["not a link", "", "https://"])("%p can name nothing, whichever providers are loaded", (text) =>
    expect(readPinText(text)).toBeNull(),
  );

  test("a link goes to the provider that recognises it as its own, with the link as written", () => {
    expect(resolvePinTarget("https://x.bandcamp.com/track/tide", [plain, bandcamp])).toEqual({
      kind: "pin",
      provider: "bandcamp",
      id: "tide",
      url: "https://x.bandcamp.com/track/tide",
    });
    expect(resolvePinTarget("https://example.com/song", [plain, bandcamp])).toBeNull();
  });

  test("provider:id reaches that provider even when it has no pin(), named by provider:id", () => {
    expect(resolvePinTarget("plain:abc", [plain, bandcamp])).toEqual({
      kind: "pin",
      provider: "plain",
      id: "abc",
      url: "plain:abc",
    });
  });

  test("a pinned candidate carries the track's own metadata and the provider's data", () => {
    const candidate = pinnedCandidate(makeTrack({ id: "t1", title: "YYZ" }), {
      kind: "pin",
      provider: "bandcamp",
      id: "tide",
      url: "https://x.bandcamp.com/track/tide",
      data: { slug: "tide" },
    });
    expect(candidate).toMatchObject({
      provider: "bandcamp",
      id: "tide",
      title: "YYZ",
      kind: "song",
      data: { slug: "tide" },
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
    applyPins(items, { "spotify:a": "https://x.bandcamp.com/track/tide", "spotify:b": "skip" }, (text) =>
      resolvePinTarget(text, [bandcamp]),
    );
    expect(items[0]).toMatchObject({
      pinned: true,
      match: { candidate: { provider: "bandcamp", id: "tide" } },
    });
    expect(items[1]).toMatchObject({ status: "skipped", skipReason: "skipped by pin" });
    expect(items[2]!.pinned).toBeUndefined();
    expect(items[2]!.match).toBeUndefined();
  });
});

describe("checkConfigPins", () => {
  const findPin = (text: string) => resolvePinTarget(text, [bandcamp]);

  test("every pin a loaded provider recognises passes", () => {
    expect(() =>
      checkConfigPins({ a: "https://x.bandcamp.com/track/tide", b: "skip", c: "plain:x" }, findPin, {
        configFile: "/cfg/musicdl.yaml",
        providers: ["bandcamp"],
      }),
    ).not.toThrow();
  });

  test("a link no provider recognises is a config error naming the file, the field and the loaded providers", () => {
    let thrown: unknown;
    try {
      checkConfigPins({ a: "https://example.com/song" }, findPin, {
        configFile: "/cfg/musicdl.yaml",
        providers: ["bandcamp"],
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toBe(
      '/cfg/musicdl.yaml, download.pins: no provider recognises "https://example.com/song"; expected a link of one of the providers (bandcamp), provider:id, or skip',
    );
  });
});

describe("pin store", () => {
  test("pins survive a reopen and a cache clear; a new pin replaces the old one", () => {
    using dir = createTempDir();
    const path = join(dir.path, "musicdl.sqlite");
    const first = openStore(path, { clock: createFakeClock(), log: createRecordingLog() });
    first.pins.set("t1", "https://youtu.be/dQw4w9WgXcQ");
    first.pins.set("t2", "skip");
    first.pins.set("t1", "https://youtu.be/aaaaaaaaaaa");
    first.clear({ plugins: true, search: true, library: true });
    first.close();
    const again = openStore(path, { clock: createFakeClock(), log: createRecordingLog() });
    expect(again.pins.all()).toEqual({ t1: "https://youtu.be/aaaaaaaaaaa", t2: "skip" });
    again.close();
  });
});
