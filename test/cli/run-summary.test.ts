/** The end of a download as text and as `download --json`'s last line, and the failures file beside the store. */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { downloadToJson, renderSummary } from "../../src/cli/run-summary.ts";
import type { DownloadResult } from "../../src/plan/download-library.ts";
import type { PlanItemStatus } from "../../src/plan/model.ts";
import { writeFailuresFile } from "../../src/plan/failures-file.ts";
import { expectDocumentedJson } from "../helpers/json-docs.ts";

const counts = (done: number, failed: number): Record<PlanItemStatus, number> => ({
  pending: 0,
  matching: 0,
  matched: 0,
  downloading: 0,
  tagging: 0,
  done,
  skipped: 1,
  failed,
});

const result: DownloadResult = {
  summary: {
    counts: counts(4, 1),
    trackCounts: counts(3, 1),
    m3uWritten: 1,
    failures: [{ id: "track:t9", label: "Rush - YYZ", stage: "match", reason: "no acceptable match" }],
    interrupted: false,
    m3uMissing: 1,
  },
  failedSources: [
    {
      entry: { section: "playlists", url: "https://open.spotify.com/playlist/gone", createM3u: true },
      reason: "playlist not found",
    },
  ],
  removed: 2,
  pruned: 0,
  unlistedM3u: 1,
  prunedM3u: 0,
  textQueries: [],
  failuresFile: "/state/last-failures.txt",
};

describe("the end of a download", () => {
  test("the text summary counts tracks and names each failure, the failed source and the failures file", () => {
    expect(renderSummary(result)).toBe(
      [
        "tracks: done 3 · skipped 1 · failed 1 · M3U files written 1",
        "  failed Rush - YYZ [match]: no acceptable match",
        "  source failed: playlist not found",
        "  1 M3U entry left out (their tracks failed)",
        "  2 track(s) no longer listed by any source (kept on disk; --prune deletes the files musicdl wrote)",
        "  1 M3U file(s) of sources no longer in the config (kept on disk; --prune deletes them)",
        "Failures are listed in /state/last-failures.txt",
        "",
      ].join("\n"),
    );
  });

  test("--json's summary line is snake_case, documented, and names a failed source by its URL", () => {
    const spotify = { requests: 3, retries: 0, rateLimited: 1, waitedS: 2, cacheHits: 5 };
    const line = downloadToJson(result, { spotify });
    expectDocumentedJson("download", line);
    expect(line).toMatchObject({
      type: "summary",
      spotify: { rate_limited: 1, waited_s: 2, cache_hits: 5 },
      summary: { track_counts: { done: 3, failed: 1 }, m3u_written: 1, m3u_missing: 1 },
      failed_sources: [{ url: "https://open.spotify.com/playlist/gone", reason: "playlist not found" }],
      unlisted_m3u: 1,
      failures_file: "/state/last-failures.txt",
    });
  });

  test("the failures file lists failed tracks and sources, and a clean run empties it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "musicdl-failures-"));
    try {
      const cachePath = join(dir, "musicdl.sqlite");
      const file = await writeFailuresFile(cachePath, "/music", result);
      expect(file).toBe(join(dir, "last-failures.txt"));
      const rows = readFileSync(file!, "utf8").split("\n");
      expect(rows[0]).toStartWith("# musicdl failures for /music at ");
      expect(rows.slice(1)).toEqual([
        "track:t9\tmatch\tRush - YYZ\tno acceptable match",
        "source\tresolve\thttps://open.spotify.com/playlist/gone\tplaylist not found",
        "",
      ]);
      const clean = { summary: { ...result.summary, failures: [] }, failedSources: [] };
      expect(await writeFailuresFile(cachePath, "/music", clean)).toBeNull();
      expect(readFileSync(join(dir, "last-failures.txt"), "utf8").split("\n").slice(1)).toEqual([""]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
