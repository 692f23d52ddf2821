/** Options under plugins.youtube-music / plugins.youtube: defaults, and every mistake listed with its path. */
import { expect, test } from "bun:test";
import * as v from "valibot";
import { parseYouTubeOptions } from "../../plugins/_youtube-common/options.ts";

test("no section means defaults: VISIONOS player client, 10 results, 10 MiB chunks", () => {
  expect(parseYouTubeOptions(v, undefined, "youtube-music")).toEqual({
    client: "VISIONOS",
    search_limit: 10,
    chunk_bytes: 10 * 1024 * 1024,
  });
});

test("the client name is case-insensitive", () => {
  expect(parseYouTubeOptions(v, { client: "android_vr" }, "youtube").client).toBe("ANDROID_VR");
});

test("every mistake is reported at once with its config path", () => {
  const attempt = () => parseYouTubeOptions(v, { client: "NOKIA", search_limit: 0, cokies: "x" }, "youtube-music");
  expect(attempt).toThrow(/plugins\.youtube-music\.client: must be one of IOS, WEB/);
  expect(attempt).toThrow(/plugins\.youtube-music\.search_limit/);
  expect(attempt).toThrow(/plugins\.youtube-music\.cokies/);
});
