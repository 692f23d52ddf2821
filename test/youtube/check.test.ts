/** `musicdl doctor` asks the youtube-music plugin whether its origin answers; the plugin reports its own origin. */
import { expect, test } from "bun:test";
import createYouTube from "../../plugins/youtube/index.ts";
import createYouTubeMusic from "../../plugins/youtube-music/index.ts";
import { createTestContext, useYouTubeOrigin } from "../helpers/youtube.ts";

function serve(status: number) {
  const seen: { path: string; host: string | null }[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    fetch(request) {
      seen.push({ path: new URL(request.url).pathname, host: request.headers.get("x-original-host") });
      return new Response("", { status });
    },
  });
  return { origin: `http://127.0.0.1:${server.port}`, seen, [Symbol.dispose]: () => server.stop(true) };
}

test("youtube-music reports the origin it asked and its answer, under the id doctor --json readers know", async () => {
  using server = serve(200);
  using _origin = useYouTubeOrigin(server.origin);
  using context = createTestContext();
  const plugin = createYouTubeMusic(context.ctx);
  expect(await plugin.check?.({})).toEqual({
    name: "youtube",
    status: "ok",
    summary: `${server.origin} answered (HTTP 200)`,
  });
  expect(server.seen).toEqual([{ path: "/", host: "music.youtube.com" }]);
});

test("a 429 is a failed check that says how to get through", async () => {
  using server = serve(429);
  using _origin = useYouTubeOrigin(server.origin);
  using context = createTestContext();
  const found = await createYouTubeMusic(context.ctx).check?.({});
  expect(found?.status).toBe("fail");
  expect(found?.summary).toBe(`${server.origin} answered 429: YouTube is rate-limiting this address`);
  expect(found?.fix).toContain("cookies");
});

test("an origin nobody listens on is reported unreachable, not thrown", async () => {
  const closed = serve(200);
  const origin = closed.origin;
  closed[Symbol.dispose]();
  using _origin = useYouTubeOrigin(origin);
  using context = createTestContext();
  const found = await createYouTubeMusic(context.ctx).check?.({});
  expect(found?.status).toBe("fail");
  expect(found?.summary).toStartWith(`${origin} is unreachable: `);
  expect(found?.fix).toBe("Check the network connection, proxy or firewall.");
});

test("plain youtube leaves the question to youtube-music, so doctor sends one request", () => {
  using context = createTestContext();
  expect(createYouTube(context.ctx).check).toBeUndefined();
});
