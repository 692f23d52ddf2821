/** `match --all`: every provider is asked, also after a strong match, and all their candidates are ranked together. */
import { expect, test } from "bun:test";
import type { AudioCandidate } from "../../src/plugins/api.ts";
import { pickFromEveryProvider, resolveMatchSettings } from "../../src/match/index.ts";
import { makeTrack } from "../helpers/track-meta.ts";

const track = makeTrack({ id: "yyz" });
const candidate = (provider: string, id: string, title: string): AudioCandidate => ({
  provider,
  id,
  title,
  artists: ["Rush"],
  durationMs: 266_000,
  kind: "song",
  url: `https://example.test/${provider}/${id}`,
});

test("a strong match from the first provider is still the pick; the others are asked and ranked beside it", async () => {
  const asked: string[] = [];
  const pick = await pickFromEveryProvider(
    track,
    ["music", "videos", "broken"],
    async (provider) => {
      asked.push(provider);
      if (provider === "broken") throw new Error("service unavailable");
      return provider === "music" ? [candidate("music", "m1", "YYZ")] : [candidate("videos", "v1", "YYZ (Live)")];
    },
    resolveMatchSettings(undefined),
  );
  expect(asked).toEqual(["music", "videos", "broken"]);
  expect(pick.best?.candidate.id).toBe("m1");
  expect(pick.ranked.map((scored) => scored.candidate.id)).toEqual(["m1", "v1"]);
  expect(pick.providersTried).toEqual(["music", "videos", "broken"]);
  expect(pick.errors).toEqual(["broken: service unavailable"]);
});
