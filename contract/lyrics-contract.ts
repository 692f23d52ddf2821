/** The contract every lyrics plugin passes: a hit is well-formed JSON lyrics, a miss is null (not a throw), abort is honoured. */
import { beforeAll, describe, expect, test } from "bun:test";
import type { LyricsAnswer, LyricsPlugin, TrackMeta } from "../src/plugins/api.ts";
import { findPluginProblems } from "../src/plugins/validate.ts";

export interface LyricsContractFixture {
  /** A track the plugin has lyrics for (point the plugin at a fake server). */
  readonly found: TrackMeta;
  /** A track it has nothing for. */
  readonly missing: TrackMeta;
  /** A track it knows to be instrumental, when it can tell. */
  readonly instrumental?: TrackMeta;
}

export function describeLyricsContract(
  label: string,
  makePlugin: () => LyricsPlugin | Promise<LyricsPlugin>,
  fixture: LyricsContractFixture,
): void {
  describe(`lyrics contract: ${label}`, () => {
    let plugin: LyricsPlugin;
    beforeAll(async () => {
      plugin = await makePlugin();
    });

    test("is a valid lyrics plugin", () => {
      expect(findPluginProblems(plugin)).toEqual([]);
      expect(plugin.kind).toBe("lyrics");
    });

    test("a hit carries plain text, and synced lines in time order, as plain JSON", async () => {
      const answer = await plugin.lyrics(fixture.found, {});
      expect(answer).not.toBeNull();
      expect(JSON.parse(JSON.stringify(answer))).toEqual(answer as LyricsAnswer);
      if (!answer || answer.instrumental) throw new Error(`expected lyrics, got ${JSON.stringify(answer)}`);
      expect(answer.lyrics.plain.trim()).not.toBe("");
      const times = (answer.lyrics.synced ?? []).map((line) => line.timeMs);
      for (const time of times) expect(Number.isInteger(time) && time >= 0).toBe(true);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    test("a miss is null, not an error", async () => {
      expect(await plugin.lyrics(fixture.missing, {})).toBeNull();
    });

    if (fixture.instrumental) {
      const instrumental = fixture.instrumental;
      test("an instrumental track is answered as instrumental, with no words", async () => {
        expect(await plugin.lyrics(instrumental, {})).toEqual({ instrumental: true });
      });
    }

    test("an aborted signal rejects", async () => {
      const controller = new AbortController();
      controller.abort();
      expect(plugin.lyrics(fixture.found, { signal: controller.signal })).rejects.toThrow();
    });
  });
}
