/** Covers are fetched once per album, and an album is its source's: another source's album "1" is another album. */
import { expect, test } from "bun:test";
import { createCoverFetcher } from "../../src/tags/cover.ts";
import { makeTrack } from "../helpers/track-meta.ts";

test("one fetch per album of a source; the same album id at another source is fetched on its own", async () => {
  const asked: string[] = [];
  const fetchImpl = (async (url: string) => {
    asked.push(url);
    return new Response(new TextEncoder().encode(url));
  }) as unknown as typeof fetch;
  const cover = createCoverFetcher(fetchImpl);
  const albumOf = (url: string) => ({ id: "1", images: [{ url, width: 640, height: 640 }] });
  const spotifyA = makeTrack({ id: "a", album: albumOf("https://i.scdn.co/image/one") });
  const spotifyB = makeTrack({ id: "b", album: albumOf("https://i.scdn.co/image/one") });
  const shop = makeTrack({ source: "record-shop", id: "a", album: albumOf("https://shop.example/cover/1") });
  const signal = new AbortController().signal;
  const [first, second, third] = await Promise.all([spotifyA, spotifyB, shop].map((track) => cover(track, signal)));
  expect(asked).toEqual(["https://i.scdn.co/image/one", "https://shop.example/cover/1"]);
  expect(new TextDecoder().decode(second?.data)).toBe("https://i.scdn.co/image/one");
  expect(first).toBe(second);
  expect(new TextDecoder().decode(third?.data)).toBe("https://shop.example/cover/1");
});
