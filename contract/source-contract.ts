/** The contract every source passes: `match` is offline and exact, `resolve` returns tracks and honours abort. */
import { afterEach, beforeAll, describe, expect, test } from "bun:test";
import * as v from "valibot";
import type { SourcePlugin, SourceRef } from "../src/plugins/api.ts";
import { findPluginProblems } from "../src/plugins/validate.ts";

export interface SourceContractFixture {
  /** Inputs the source must recognise, with the kind and id it should find in them. */
  readonly recognises: readonly { readonly input: string; readonly kind: string; readonly id: string }[];
  /** Inputs belonging to other sources; a few unrelated ones are always added. */
  readonly foreign?: readonly string[];
  /** When given, `resolve` is called on this input's ref (point the plugin at a fake server) and must return tracks. */
  readonly resolveInput?: string;
}

const ALWAYS_FOREIGN = ["", "   ", "hello world", "https://example.com/some/page", "file:///tmp/x.mp3"];

const TrackMetaShape = v.object({
  // The source's plugin name (or the name of the one it overrides): with `id`, the track's key everywhere.
  source: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u)),
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  artists: v.array(v.string()),
  durationMs: v.number(),
  album: v.object({ name: v.string() }),
});

export function describeSourceContract(
  label: string,
  makePlugin: () => SourcePlugin | Promise<SourcePlugin>,
  fixture: SourceContractFixture,
): void {
  describe(`source contract: ${label}`, () => {
    let plugin: SourcePlugin;
    const realFetch = globalThis.fetch;
    beforeAll(async () => {
      plugin = await makePlugin();
    });
    afterEach(() => {
      globalThis.fetch = realFetch;
    });

    /** Runs `match` with the network cut, so a source that fetches while matching fails loudly. */
    const matchOffline = (input: string): SourceRef | null => {
      const attempts: string[] = [];
      globalThis.fetch = Object.assign(
        async (url: string | URL | Request) => {
          attempts.push(String(url));
          throw new Error("match() must not use the network");
        },
        { preconnect: () => {} },
      ) as typeof fetch;
      try {
        return plugin.match(input);
      } finally {
        globalThis.fetch = realFetch;
        expect(attempts).toEqual([]);
      }
    };

    test("is a valid source plugin", () => {
      expect(findPluginProblems(plugin)).toEqual([]);
    });

    test("match recognises its inputs offline, returning kind, id and the input as written", () => {
      for (const { input, kind, id } of fixture.recognises) expect(matchOffline(input)).toEqual({ kind, id, input });
    });

    test("match returns null for input that is not its own", () => {
      for (const input of [...ALWAYS_FOREIGN, ...(fixture.foreign ?? [])])
        expect({ input, ref: matchOffline(input) }).toEqual({ input, ref: null });
    });

    if (fixture.resolveInput !== undefined) {
      const input = fixture.resolveInput;
      test("resolve returns tracks with the metadata the core needs", async () => {
        const resolved = await plugin.resolve(matchOffline(input)!, {});
        expect(resolved.tracks.length).toBeGreaterThan(0);
        for (const track of resolved.tracks) expect(v.safeParse(TrackMetaShape, track).issues ?? []).toEqual([]);
        expect(Array.isArray(resolved.warnings)).toBe(true);
        expect(JSON.parse(JSON.stringify(resolved.tracks))).toEqual(resolved.tracks);
      });

      test("an aborted signal stops resolve", async () => {
        const controller = new AbortController();
        controller.abort();
        await expect(plugin.resolve(matchOffline(input)!, { signal: controller.signal })).rejects.toThrow();
      });
    }
  });
}
