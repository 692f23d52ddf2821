/** The plain `youtube` fallback provider: WEB video search, channel names as artists, shared download. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import createYouTube from "../../plugins/youtube/index.ts";
import { artistFromChannel } from "../../plugins/youtube/video-candidates.ts";
import { type FakeYouTube, startFakeYouTube } from "../../fakes/youtube/index.ts";
import { CATALOG, createTestContext, probeAudio, trackMeta, useYouTubeOrigin } from "../helpers/youtube.ts";

let fake: FakeYouTube;
beforeAll(async () => {
  fake = await startFakeYouTube({ catalog: CATALOG });
});
afterAll(() => fake.stop());

test("searches YouTube (WEB client, video filter) and returns every hit as a video by its channel's artist", async () => {
  fake.requests.length = 0;
  using _origin = useYouTubeOrigin(fake.origin);
  using context = createTestContext();
  const plugin = createYouTube(context.ctx);
  const candidates = await plugin.search(
    trackMeta({ title: "Moments", artists: ["Lost Identities"], durationMs: 220_000 }),
    { limit: 10 },
  );
  expect(fake.requests).toHaveLength(1);
  expect(fake.requests[0]?.body?.context?.client?.clientName).toBe("WEB");
  expect(fake.requests[0]?.body?.params).toBe("EgIQAQ%3D%3D");
  expect(candidates[0]).toEqual({
    provider: "youtube",
    id: "0h6XAAwX8II",
    title: "Moments",
    // The catalog's song lives on the auto-generated "Lost Identities - Topic" channel.
    artists: ["Lost Identities"],
    durationMs: 220_000,
    // A Topic channel's upload is the release's audio track: a song, held to a song's length bounds.
    kind: "song",
    url: "https://www.youtube.com/watch?v=0h6XAAwX8II",
    data: { videoId: "0h6XAAwX8II", channel: "Lost Identities - Topic" },
  });
  expect(candidates.filter((c) => c.kind === "video").length).toBeGreaterThan(0);
});

test("downloads through the same code as youtube-music", async () => {
  using _origin = useYouTubeOrigin(fake.origin);
  using context = createTestContext();
  const plugin = createYouTube(context.ctx);
  const candidate = {
    provider: "youtube",
    id: "liveJam0001",
    title: "x",
    artists: [],
    durationMs: 1,
    kind: "video",
    url: "",
  } as const;
  const audio = await plugin.download(candidate, context.tempDir, {});
  expect((await probeAudio(audio.file)).codec).toBe("opus");
});

test.each([
  { channel: "Lost Identities - Topic", want: "Lost Identities" },
  { channel: "NoCopyrightSounds", want: "NoCopyrightSounds" },
  { channel: "Topic Band", want: "Topic Band" },
])("channel $channel → artist $want", ({ channel, want }) => expect(artistFromChannel(channel)).toBe(want));
