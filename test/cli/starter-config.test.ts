import { expect, test } from "bun:test";
import { STARTER_CONFIG } from "../../src/cli/starter-config.ts";
import { readConfigText } from "../../src/config/read-config-text.ts";
import { defaultSections } from "../../src/config/schema.ts";

test("the starter config musicdl init writes means what no config means: every key it shows is at its default", () => {
  const read = readConfigText(STARTER_CONFIG);
  if (!read.ok) throw new Error(read.issues.map((issue) => issue.message).join("\n"));
  expect(read.value.download).toEqual(defaultSections().download);
  expect(read.value.match).toEqual(defaultSections().match);
  expect(read.value.sources).toEqual([]);
  expect(read.value.warnings).toEqual([]);
});

test("the starter config shows the keys a new user edits first, with the choices they have", () => {
  for (const shown of [
    "output:",
    "format: mp3",
    "bitrate: 128k",
    "threads: 4",
    "audio_providers:",
    "spotify_max_wait:",
  ])
    expect(STARTER_CONFIG).toContain(`\n  ${shown}`);
  expect(STARTER_CONFIG).toContain("# mp3 | m4a | opus | ogg | flac | wav");
  expect(STARTER_CONFIG).toContain("# skip | overwrite | metadata");
});
