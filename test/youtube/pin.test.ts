/** The YouTube providers recognise their own links and video ids as pins; the core asks them in audio_providers order. */
import { expect, test } from "bun:test";
import { resolvePinTarget } from "../../src/match/pins.ts";
import createYouTube from "../../plugins/youtube/index.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import { createTestContext } from "../helpers/youtube.ts";

function providers() {
  using context = createTestContext();
  return { music: createYouTubeMusic(context.ctx), videos: createYouTube(context.ctx) };
}

test.each([
  [
    "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x",
    "youtube-music",
    "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=x",
  ],
  ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
  ["https://m.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "https://m.youtube.com/watch?v=dQw4w9WgXcQ"],
  ["https://youtu.be/dQw4w9WgXcQ", "youtube", "https://youtu.be/dQw4w9WgXcQ"],
  ["dQw4w9WgXcQ", "youtube-music", "https://music.youtube.com/watch?v=dQw4w9WgXcQ"],
  ["youtube:dQw4w9WgXcQ", "youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
])("%s is pinned to %s, whichever is asked first", (text, provider, url) => {
  const { music, videos } = providers();
  for (const order of [
    [music, videos],
    [videos, music],
  ]) {
    const found = resolvePinTarget(text, order);
    // A bare id is for the provider asked first (the first of audio_providers).
    const want = text === "dQw4w9WgXcQ" && order[0] === videos ? "youtube" : provider;
    expect(found).toMatchObject({ kind: "pin", provider: want, id: "dQw4w9WgXcQ" });
    if (want === provider) expect(found).toMatchObject({ url });
    expect(found).toMatchObject({ data: { videoId: "dQw4w9WgXcQ", pinned: true } });
  }
});

test.each(["https://example.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short", "abc"])(
  "%p is no YouTube provider's own",
  (text) => {
    const { music, videos } = providers();
    expect(resolvePinTarget(text, [music, videos])).toBeNull();
  },
);
