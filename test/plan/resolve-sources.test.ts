import { describe, expect, test } from "bun:test";
import type { SourceEntry } from "../../src/config/types.ts";
import { EXIT, MusicdlError } from "../../src/errors.ts";
import { resolveSources } from "../../src/plan/resolve-sources.ts";

const entries: SourceEntry[] = [
  { section: "albums", url: "good", createM3u: false },
  { section: "albums", url: "missing", createM3u: false, line: 7 },
];
class FakeRateLimit extends MusicdlError {
  override readonly exitCode = EXIT.RESUME_LATER;
}

describe("resolveSources", () => {
  test("a source that fails is reported with its line and the others still resolve", async () => {
    const result = await resolveSources(
      entries,
      async (entry) => {
        if (entry.url === "missing") throw new MusicdlError("Spotify has no album with that id");
        return { kind: "album", id: "a", name: "A", tracks: [], warnings: ["1 local file skipped"] };
      },
      { concurrency: 2, signal: new AbortController().signal },
    );
    expect(result.resolved.map((r) => r.entry.url)).toEqual(["good"]);
    expect(result.failed).toEqual([
      { entry: entries[1]!, reason: "missing (line 7): Spotify has no album with that id" },
    ]);
    expect(result.warnings).toEqual(["A: 1 local file skipped"]);
  });

  test("a rate limit stops the whole generation", async () => {
    const run = resolveSources(
      entries,
      async () => {
        throw new FakeRateLimit("Spotify asked for a 86400s pause");
      },
      { concurrency: 1, signal: new AbortController().signal },
    );
    await expect(run).rejects.toBeInstanceOf(FakeRateLimit);
  });
});
