/**
 * The match stage and `musicdl match` share one pick: on a tie they choose the same candidate. A failed search
 * falls through to the next provider, and a failed download to the next candidate that passes the same bar.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { searchAcrossProviders } from "../../src/match/pick.ts";
import { executePlan } from "../../src/plan/execute.ts";
import { matchTrack } from "../../src/plan/stages/match.ts";
import type { AudioCandidate, TrackMeta } from "../../src/plugins/api.ts";
import { makeTempDir, makeTone } from "../helpers/make-tone.ts";
import {
  createContext,
  createFakeProvider,
  type FakeProvider,
  makeTracks,
  playlistPlan,
  songFor,
  trackItems,
} from "./_executor-world.ts";

const tones = makeTempDir("musicdl-match-stage-tone-");
let tone = "";
beforeAll(async () => {
  tone = await makeTone({ codec: "opus", seconds: 1, file: join(tones.path, "tone.webm") });
});
afterAll(() => tones[Symbol.dispose]());

const noLimit = <T>(task: () => Promise<T>) => task();

function named(name: string, search: (track: TrackMeta) => AudioCandidate[], base?: FakeProvider): FakeProvider {
  const provider = base ?? createFakeProvider(tone, { search });
  return { ...provider, name, search: async (track) => search(track) };
}

/** A music video `offsetMs` longer than the track: acceptable, never strong (a video must agree within 1 s). */
const videoOf = (track: TrackMeta, provider: string, id: string, offsetMs: number): AudioCandidate => ({
  ...songFor(track, provider),
  id,
  kind: "video",
  durationMs: track.durationMs + offsetMs,
});

describe("one pick for download and match", () => {
  test("a tie (equal distance) goes the same way in both: the closer length wins, as match shows", async () => {
    using dir = makeTempDir("musicdl-match-stage-");
    const [track] = makeTracks(1);
    const a = named("provider-a", (t) => [videoOf(t, "provider-a", "a1", 2_000)]);
    const b = named("provider-b", (t) => [videoOf(t, "provider-b", "b1", 1_500)]);
    const ctx = createContext({ providers: [a, b], tempDir: dir.path });
    const download = await matchTrack(track!, ctx, noLimit);
    const match = await searchAcrossProviders(track!, ["provider-a", "provider-b"], async (name) =>
      name === "provider-a" ? a.search(track!, { limit: 10 }) : b.search(track!, { limit: 10 }),
    );
    expect(download.distance).toBe(match.best!.score.distance);
    expect(download.candidate.id).toBe(match.best!.candidate.id);
    expect(download.candidate.id).toBe("b1");
  });

  test("a provider whose search fails is passed over for the next one", async () => {
    using dir = makeTempDir("musicdl-match-stage-");
    const [track] = makeTracks(1);
    const broken = named("broken", () => {
      throw new Error("InnerTube answered 500");
    });
    const good = named("good", (t) => [songFor(t, "good")]);
    const chosen = await matchTrack(track!, createContext({ providers: [broken, good], tempDir: dir.path }), noLimit);
    expect(chosen.candidate.provider).toBe("good");
  });
});

describe("fallback when the chosen candidate cannot be downloaded", () => {
  test("the next candidate passing the bar is downloaded; the failure of every one is listed when none works", async () => {
    using dir = makeTempDir("musicdl-match-stage-");
    const tracks = makeTracks(2);
    const twins = (t: TrackMeta) => [
      songFor(t),
      { ...songFor(t), id: `twin-${t.id}`, durationMs: t.durationMs + 1_000 },
      { ...songFor(t), id: `live-${t.id}`, title: `${t.title} (Live)` },
    ];
    const refused = new Set([`v-${tracks[0]!.id}`, `v-${tracks[1]!.id}`, `twin-${tracks[1]!.id}`]);
    const provider = createFakeProvider(tone, {
      search: twins,
      download: async (candidate, folder, opts) => {
        if (refused.has(candidate.id))
          throw new Error(`YouTube will not play ${candidate.id}: "Sign in" (LOGIN_REQUIRED)`);
        return createFakeProvider(tone).download(candidate, folder, opts);
      },
    });
    const plan = playlistPlan(dir.path, tracks);
    await executePlan(
      plan,
      createContext({ providers: [provider], tempDir: join(dir.path, ".scratch"), maxRetries: 1 }),
    );
    const [first, second] = trackItems(plan.items);
    expect(first!.status).toBe("done");
    expect(first!.match?.candidate.id).toBe(`twin-${tracks[0]!.id}`);
    expect(second!.status).toBe("failed");
    const reason = second!.error!.reason;
    expect(reason).toContain(`fake-music:v-${tracks[1]!.id} (strong 0.00)`);
    expect(reason).toContain(`fake-music:twin-${tracks[1]!.id} (strong`);
    expect(reason).toContain("LOGIN_REQUIRED");
    expect(reason).toEndWith("no other acceptable candidate");
    // The live recording never passed the bar, so it was never tried.
    expect(provider.downloads).not.toContain(`live-${tracks[1]!.id}`);
  });

  test("an upload refused through both YouTube providers counts once: a third, playable upload is still tried", async () => {
    using dir = makeTempDir("musicdl-match-stage-");
    const [track] = makeTracks(1);
    // YouTube Music and YouTube share video ids: the same two locked uploads come back from both.
    const locked = (t: TrackMeta, provider: string) => [
      { ...songFor(t, provider), id: "locked00001" },
      { ...songFor(t, provider), id: "locked00002", durationMs: t.durationMs + 1_000 },
    ];
    const refuse = async (candidate: AudioCandidate, folder: string, opts: never) => {
      if (candidate.id.startsWith("locked")) throw new Error(`YouTube will not play ${candidate.id} (LOGIN_REQUIRED)`);
      return createFakeProvider(tone).download(candidate, folder, opts);
    };
    const base = (name: string) => ({ ...createFakeProvider(tone, { download: refuse as never }), name });
    const a = named("provider-a", (t) => locked(t, "provider-a"), base("provider-a"));
    const b = named(
      "provider-b",
      (t) => [...locked(t, "provider-b"), videoOf(t, "provider-b", "playable001", 1_000)],
      base("provider-b"),
    );
    const plan = playlistPlan(dir.path, [track!]);
    await executePlan(plan, createContext({ providers: [a, b], tempDir: join(dir.path, ".scratch"), maxRetries: 1 }));
    const [item] = trackItems(plan.items);
    expect(item!.error).toBeUndefined();
    expect(item!.status).toBe("done");
    expect(item!.match?.candidate.id).toBe("playable001");
  });
});
