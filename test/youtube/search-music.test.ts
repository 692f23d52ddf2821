/** YouTube Music search through the real plugin and youtubei.js against the fake YouTube. */
import { systemClock } from "../../src/util/clock.ts";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Innertube } from "youtubei.js";
import { innertubeCreateOptions } from "../../plugins/_youtube-common/session.ts";
import { createYouTubeFetch } from "../../plugins/_youtube-common/youtube-fetch.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import {
  type FakeYouTube,
  SONGS_FILTER_PARAMS,
  startFakeYouTube,
  VIDEOS_FILTER_PARAMS,
} from "../../fakes/youtube/index.ts";
import { CATALOG, createTestContext, trackMeta, useYouTubeOrigin } from "../helpers/youtube.ts";

const moments = trackMeta({ title: "Moments", artists: ["Lost Identities", "Robbie Rosen"], durationMs: 220_500 });

describe.each(["en", "de"] as const)("YouTube Music search (shelf language %s)", (language) => {
  let fake: FakeYouTube;
  beforeAll(async () => {
    fake = await startFakeYouTube({ catalog: CATALOG, language });
  });
  afterAll(() => fake.stop());

  async function search(track = moments, limit = 10) {
    fake.requests.length = 0;
    using _origin = useYouTubeOrigin(fake.origin);
    using context = createTestContext();
    const plugin = createYouTubeMusic(context.ctx);
    return plugin.search(track, { limit });
  }

  test("songs come first, as song candidates with artists, album and duration", async () => {
    const candidates = await search();
    expect(candidates[0]).toEqual({
      provider: "youtube-music",
      id: "0h6XAAwX8II",
      title: "Moments",
      artists: ["Lost Identities", "Robbie Rosen"],
      album: "Moments",
      durationMs: 220_000,
      kind: "song",
      url: "https://music.youtube.com/watch?v=0h6XAAwX8II",
      data: { videoId: "0h6XAAwX8II", foundBy: "songs", musicVideoType: "MUSIC_VIDEO_TYPE_ATV" },
    });
    // The decoys (acoustic version, another artist's "Moments") are returned for the core to score down.
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining(["acoustic001", "otherMoment"]));
  });

  test("a matching song means one request: the songs search with WEB_REMIX and the songs filter", async () => {
    await search();
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe("/youtubei/v1/search");
    expect(request?.body?.context?.client?.clientName).toBe("WEB_REMIX");
    expect(request?.body?.params).toBe(SONGS_FILTER_PARAMS);
    expect(request?.query).toBe("Lost Identities, Robbie Rosen - Moments");
  });

  test("when no song fits, music videos are searched next and come back as video candidates", async () => {
    const candidates = await search(
      trackMeta({ title: "Basement Jam Session", artists: ["Band X"], durationMs: 245_000 }),
    );
    expect(fake.requests.map((r) => r.body?.params)).toEqual([SONGS_FILTER_PARAMS, VIDEOS_FILTER_PARAMS]);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ id: "liveJam0001", kind: "video", artists: ["Band X"], durationMs: 245_000 });
    expect(candidates[0]?.album).toBeUndefined();
  });

  test("a track with an ISRC is looked up by ISRC first; a fitting song card needs no other request", async () => {
    const track = trackMeta({ title: "Nobody Else", artists: ["Abstrakt"], durationMs: 163_400, isrc: "GB2LD2210007" });
    const candidates = await search(track);
    expect(fake.requests.map((r) => r.query)).toEqual(["GB2LD2210007"]);
    expect(candidates).toEqual([
      expect.objectContaining({
        id: "nfyk-V5CoIE",
        kind: "song",
        title: "Nobody Else",
        artists: ["Abstrakt"],
        album: "Nobody Else",
      }),
    ]);
  });

  test("an ISRC YouTube does not know falls through to the songs search", async () => {
    const candidates = await search({ ...moments, isrc: "USXXX0000001" });
    expect(fake.requests.map((r) => r.query)).toEqual(["USXXX0000001", "Lost Identities, Robbie Rosen - Moments"]);
    expect(candidates[0]?.id).toBe("0h6XAAwX8II");
  });

  test("artists shown as plain text (no channel link) are still read", async () => {
    const candidates = await search(
      trackMeta({ title: "Hawara Nights", artists: ["Hassan Twil"], durationMs: 171_000 }),
    );
    expect(candidates[0]).toMatchObject({ id: "hawara00001", album: "Nights" });
    const and = language === "de" ? " und " : " & ";
    expect(candidates[0]?.artists).toEqual([`Hassan Twil${and}Hawara`]);
  });

  test("nothing found is an empty list", async () => {
    expect(await search(trackMeta({ title: "Zzyzx Qwerty", artists: ["Nemo"], durationMs: 1000 }))).toEqual([]);
  });

  test("a 429 from YouTube Music is reported as such", async () => {
    fake.failNext(1, { status: 429, retryAfterS: 5, target: "innertube" });
    await expect(search()).rejects.toThrow(/429 Too Many Requests to the YouTube Music search/);
  });

  test("an aborted search sends nothing and rejects with the abort reason", async () => {
    fake.requests.length = 0;
    using _origin = useYouTubeOrigin(fake.origin);
    using context = createTestContext();
    const controller = new AbortController();
    controller.abort(new Error("user pressed Ctrl-C"));
    const plugin = createYouTubeMusic(context.ctx);
    await expect(plugin.search(moments, { limit: 5, signal: controller.signal })).rejects.toThrow(
      "user pressed Ctrl-C",
    );
    expect(fake.requests).toEqual([]);
  });

  test("the core's limit caps the candidates", async () => {
    expect(await search(moments, 2)).toHaveLength(2);
  });
});

describe("start-up cost", () => {
  test("creating the Innertube client with musicdl's options sends no request", async () => {
    let sent = 0;
    const counting = createYouTubeFetch({
      sleep: systemClock.sleep,
      baseFetch: async () => {
        sent++;
        return new Response("{}");
      },
    });
    using context = createTestContext();
    const options = { client: "VISIONOS", search_limit: 10, chunk_bytes: 1024 * 1024 } as const;
    await Innertube.create(innertubeCreateOptions(counting, options));
    createYouTubeMusic(context.ctx);
    expect(sent).toBe(0);
  });
});
