/**
 * Contract test against recorded InnerTube answers in ../shared/fixtures/youtube-music (outside the repo): the
 * real shapes go through youtubei.js and the plugin. A clean clone has no ../shared, so the suite skips then.
 * SHARED_DIR points elsewhere (e.g. from a git worktree).
 */
import { systemClock } from "../../src/util/clock.ts";
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Innertube } from "youtubei.js";
import { innertubeCreateOptions } from "../../plugins/_youtube-common/session.ts";
import { createYouTubeFetch } from "../../plugins/_youtube-common/youtube-fetch.ts";
import { candidatesFromMusicSearch } from "../../plugins/youtube-music/music-candidates.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import { createTestContext, trackMeta } from "../helpers/youtube.ts";

const FIXTURES = join(
  process.env.SHARED_DIR ?? join(import.meta.dir, "..", "..", "..", "shared"),
  "fixtures",
  "youtube-music",
);
const present = existsSync(FIXTURES);
if (!present) console.warn(`real-shapes: ${FIXTURES} not found; skipping the recorded-response contract tests`);

/** Answers like the recordings: routed on path only (fixtures README §1); media as zeros of the asked range. */
function recordedYouTube(files: { search?: string; player?: string }) {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === "/youtubei/v1/search" && files.search)
      return new Response(Bun.file(join(FIXTURES, files.search)));
    if (url.pathname === "/youtubei/v1/player" && files.player)
      return new Response(Bun.file(join(FIXTURES, files.player)));
    if (url.pathname === "/videoplayback") {
      const clen = Number(url.searchParams.get("clen"));
      const [start, end] = (new Headers(init?.headers).get("range") ?? "").replace("bytes=", "").split("-").map(Number);
      const last = Math.min(end ?? clen - 1, clen - 1);
      return new Response(new Uint8Array(last - (start ?? 0) + 1), {
        status: 206,
        headers: { "Content-Range": `bytes ${start}-${last}/${clen}` },
      });
    }
    return new Response("not recorded", { status: 404 });
  }) as typeof fetch;
}

describe.skipIf(!present)("recorded YouTube Music answers", () => {
  test("search-songs.json: seven songs, linked and plain-text artists, albums and durations", async () => {
    using context = createTestContext({}, recordedYouTube({ search: "search-songs.json" }));
    const plugin = createYouTubeMusic(context.ctx);
    const candidates = await plugin.search(
      trackMeta({ title: "Boom Boom Boom", artists: ["MocroManiac"], durationMs: 171_000 }),
      {
        limit: 20,
      },
    );
    expect(candidates).toHaveLength(7);
    expect(candidates.every((c) => c.kind === "song")).toBe(true);
    expect(candidates[0]).toMatchObject({
      id: "HhQGHxWZCd0",
      artists: ["MocroManiac"],
      album: "Boom Boom Boom",
      durationMs: 171_000,
    });
    expect(candidates.find((c) => c.id === "_Ssr7C57qec")?.artists).toEqual(["D-Double", "MocroManiac"]);
    // youtubei.js gives `artists: []` here; the plugin reads the plain text.
    expect(candidates.find((c) => c.id === "n3XhDsdx4mk")?.artists).toEqual(["Hassan Twil and Hawara"]);
  });

  test("search-all.json (German shelves): card, Titel and Videos are read without their titles", async () => {
    const yt = await Innertube.create(
      innertubeCreateOptions(
        createYouTubeFetch({ sleep: systemClock.sleep, baseFetch: recordedYouTube({ search: "search-all.json" }) }),
        {
          client: "VISIONOS",
          search_limit: 10,
          chunk_bytes: 1024,
        },
      ),
    );
    const result = await yt.music.search("Lost Identities Moments", { type: "all" });
    expect(result.songs).toBeUndefined();
    const candidates = candidatesFromMusicSearch(result.contents, {
      provider: "youtube-music",
      foundBy: "songs",
      filtered: false,
    });
    expect(candidates.map((c) => [c.id, c.kind])).toEqual([
      ["fxhzvHrTO2k", "video"],
      ["0h6XAAwX8II", "song"],
      ["wgpEmlJ3guA", "song"],
      ["r51FxWfnbh0", "song"],
      ["14CjyUYO8lE", "video"],
      ["GnKXjblvqOg", "video"],
    ]);
    expect(candidates[1]).toMatchObject({
      artists: ["Lost Identities", "Robbie Rosen"],
      album: "Moments",
      durationMs: 220_000,
    });
    expect(candidates[0]).toMatchObject({
      title: "Moments",
      artists: ["Robbie Rosen", "Lost Identities"],
      durationMs: 221_000,
    });
  });

  test("search-isrc-card.json: the ISRC lookup's top card is the only candidate needed", async () => {
    using context = createTestContext({}, recordedYouTube({ search: "search-isrc-card.json" }));
    const plugin = createYouTubeMusic(context.ctx);
    const track = trackMeta({ title: "Nobody Else", artists: ["Abstrakt"], durationMs: 163_000, isrc: "GB2LD2210007" });
    const candidates = await plugin.search(track, { limit: 10 });
    expect(candidates).toEqual([
      expect.objectContaining({
        id: "nfyk-V5CoIE",
        kind: "song",
        artists: ["Abstrakt"],
        album: "Nobody Else",
        durationMs: 163_000,
      }),
    ]);
  });

  test("player.json: the Opus stream (itag 251) is chosen and its full announced length transferred", async () => {
    using context = createTestContext({}, recordedYouTube({ player: "player.json" }));
    const plugin = createYouTubeMusic(context.ctx);
    const candidate = {
      provider: "youtube-music",
      id: "K4DyBUG242c",
      title: "",
      artists: [],
      durationMs: 1,
      kind: "song",
      url: "",
    } as const;
    const audio = await plugin.download(candidate, context.tempDir, {});
    expect(audio).toMatchObject({ codec: "opus", container: "webm", sizeBytes: 3_531_061, bitrateKbps: 136 });
  });

  test.each([
    { file: "player-unplayable-premium.json", want: /only available to Music Premium members.*UNPLAYABLE/ },
    { file: "player-unplayable-region.json", want: /not made this video available in your country/ },
    { file: "player-login-required.json", want: /This video is private.*LOGIN_REQUIRED/ },
  ])("$file is refused with YouTube's reason", async ({ file, want }) => {
    using context = createTestContext({}, recordedYouTube({ player: file }));
    const plugin = createYouTubeMusic(context.ctx);
    const candidate = {
      provider: "youtube-music",
      id: "sMJ8bRN2dak",
      title: "",
      artists: [],
      durationMs: 1,
      kind: "song",
      url: "",
    } as const;
    await expect(plugin.download(candidate, context.tempDir, {})).rejects.toThrow(want);
  });
});
