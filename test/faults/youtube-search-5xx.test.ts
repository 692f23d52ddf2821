/** A YouTube search answered 5xx is tried again (bounded, with backoff), so one transient error costs no track. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { retryServerErrors } from "../../plugins/_youtube-common/retry-server-errors.ts";
import { systemClock } from "../../src/util/clock.ts";
import { runCli } from "../helpers/run-cli.ts";
import { type LibraryWorld, startLibraryWorld } from "../helpers/library-world.ts";

let lw: LibraryWorld;
beforeAll(async () => {
  lw = await startLibraryWorld();
});
afterAll(() => lw.stop());

test("two 503s on YouTube Music searches still end with every track downloaded", async () => {
  const { configFile, library } = lw.writeConfig("search-503");
  // One provider, so no fallback to plain YouTube can hide a lost search.
  writeFileSync(
    configFile,
    readFileSync(configFile, "utf8").replace("download:\n", "download:\n  audio_providers: youtube-music\n"),
  );
  lw.world.youtube.failNext(2, { status: 503, target: "innertube" });
  const result = await runCli(["download", "-c", configFile, "-o", library], { env: lw.env });
  expect(result.stderr).toContain("tracks: done 3 · skipped 0 · failed 0");
  expect(result.exitCode).toBe(0);
  const failed = lw.world.youtube.requests.filter((request) => request.status === 503);
  expect(failed).toHaveLength(2);
}, 30_000);

test("the retries are bounded: a server that keeps failing gets the first try and three more", async () => {
  let sent = 0;
  const answer = await retryServerErrors(
    async () => {
      sent++;
      return new Response("down", { status: 502 });
    },
    { retries: 3, baseMs: 1, capMs: 4 },
    undefined,
    systemClock.sleep,
  );
  expect(answer.status).toBe(502);
  expect(sent).toBe(4);
});

test("an answer below 500 is returned at once, and an abort stops the waiting", async () => {
  let sent = 0;
  const ok = await retryServerErrors(
    async () => {
      sent++;
      return new Response("{}", { status: 404 });
    },
    { retries: 3, baseMs: 1, capMs: 1 },
    undefined,
    systemClock.sleep,
  );
  expect([ok.status, sent]).toEqual([404, 1]);
  const controller = new AbortController();
  const waiting = retryServerErrors(
    async () => new Response("", { status: 500 }),
    { retries: 3, baseMs: 60_000, capMs: 60_000 },
    controller.signal,
    systemClock.sleep,
  );
  controller.abort(new Error("stopped"));
  await expect(waiting).rejects.toThrow("stopped");
});
