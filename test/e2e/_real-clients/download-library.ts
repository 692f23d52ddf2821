/** Downloads the real-client catalog in one format with the spawned CLI: the playlist and the 1-disc album. */
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { FakeWorld } from "../../../fakes/world.ts";
import { listFiles, runMusicdl } from "../../helpers/fake-world-folder.ts";
import { spotifyUrl } from "../_library-run.ts";
import { EXPECTED, IDS } from "./catalog.ts";

const AUDIO = /\.(mp3|m4a|opus|ogg|flac|wav)$/;

function configFor(format: string, m3uExtension: "m3u8" | "m3u"): string {
  return [
    'version: "1.2"',
    "download:",
    `  format: ${format}`,
    "  threads: 3",
    `  m3u_extension: ${m3uExtension}`,
    "playlists:",
    `  - ${spotifyUrl("playlist", IDS.roadTrip)}`,
    "albums:",
    `  - { url: ${spotifyUrl("album", IDS.sessions)}, create_m3u: true }`,
    "",
  ].join("\n");
}

/** Downloads into `library` (home and config under `work`); returns each expected track's file by title. */
export async function downloadLibrary(options: {
  world: FakeWorld;
  format: string;
  m3uExtension: "m3u8" | "m3u";
  library: string;
  work: string;
}): Promise<Map<string, string>> {
  const { format, work } = options;
  const config = join(work, `${format}.yaml`);
  writeFileSync(config, configFor(format, options.m3uExtension));
  const result = await runMusicdl(options.world, join(work, "homes", format), [
    "download",
    "-c",
    config,
    "-o",
    options.library,
  ]);
  if (result.exitCode !== 0) throw new Error(`musicdl --format ${format} failed:\n${result.stderr}`);
  // Found by title (unique in this catalog), whatever the path template made of the folders.
  const byTitle = new Map<string, string>();
  for (const file of listFiles(options.library).filter((path) => AUDIO.test(path))) {
    const track = EXPECTED.find((expected) => basename(file).includes(` - ${expected.title}.`));
    if (track) byTitle.set(track.title, file);
  }
  return byTitle;
}
