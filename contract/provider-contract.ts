/**
 * The contract every provider passes, built-in or not (unstorage's `testDriver`). Call it from a test file:
 * `describeProviderContract("bandcamp", () => makeBandcamp(fakeServerUrl), { track })`.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, isAbsolute } from "node:path";
import * as v from "valibot";
import type { AudioCandidate, ProviderPlugin, TrackMeta } from "../src/plugins/api.ts";
import { findPluginProblems } from "../src/plugins/validate.ts";
import { probeAudio } from "./audio-probe.ts";

export interface ProviderContractFixture {
  /** A track the provider finds (against the fake server or folder the test set up). */
  readonly track: TrackMeta;
  /** How many candidates to ask for; the provider must not return more. Default 5. */
  readonly limit?: number;
}

/** What AudioCandidate promises, at run time. */
export const AudioCandidateSchema = v.object({
  provider: v.string(),
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  artists: v.array(v.string()),
  album: v.optional(v.string()),
  durationMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kind: v.picklist(["song", "video"]),
  isrc: v.optional(v.string()),
  url: v.pipe(v.string(), v.url()),
  data: v.optional(v.unknown()),
});

export function describeProviderContract(
  label: string,
  makePlugin: () => ProviderPlugin | Promise<ProviderPlugin>,
  fixture: ProviderContractFixture,
): void {
  describe(`provider contract: ${label}`, () => {
    const limit = fixture.limit ?? 5;
    let plugin: ProviderPlugin;
    let candidates: AudioCandidate[];
    beforeAll(async () => {
      plugin = await makePlugin();
      candidates = await plugin.search(fixture.track, { limit });
    });

    test("is a valid provider plugin", () => {
      expect(findPluginProblems(plugin)).toEqual([]);
      expect(plugin.kind).toBe("provider");
    });

    test("search finds the track: AudioCandidate-shaped, JSON data, named after the provider, within the limit", () => {
      expect(candidates.length).toBeGreaterThan(0);
      expect(candidates.length).toBeLessThanOrEqual(limit);
      for (const candidate of candidates) {
        const parsed = v.safeParse(AudioCandidateSchema, candidate);
        expect(parsed.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
        expect(candidate.provider).toBe(plugin.name);
        expect(JSON.parse(JSON.stringify(candidate))).toEqual(candidate);
      }
    });

    test("download writes one audio file inside tempDir and reports its codec, container and size truthfully", async () => {
      const tempDir = mkdtempSync(join(tmpdir(), "musicdl-contract-"));
      try {
        const downloaded = await plugin.download(candidates[0]!, tempDir, {});
        const inside = relative(tempDir, downloaded.file);
        expect(isAbsolute(downloaded.file) && inside !== "" && !inside.startsWith("..")).toBe(true);
        expect(downloaded.sizeBytes).toBe(statSync(downloaded.file).size);
        const probed = await probeAudio(downloaded.file);
        expect(probed.codec).toBe(downloaded.codec);
        expect(probed.formatNames).toContain(downloaded.container);
      } finally {
        rmSync(tempDir, { recursive: true, force: true });
      }
    });

    test("an aborted signal stops search and download", async () => {
      const controller = new AbortController();
      controller.abort();
      const signal = controller.signal;
      await expect(plugin.search(fixture.track, { limit, signal })).rejects.toThrow();
      const tempDir = mkdtempSync(join(tmpdir(), "musicdl-contract-"));
      try {
        await expect(plugin.download(candidates[0]!, tempDir, { signal })).rejects.toThrow();
      } finally {
        rmSync(tempDir, { recursive: true, force: true });
      }
    });
  });
}
