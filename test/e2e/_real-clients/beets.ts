/**
 * beets over a library: `beet import -A` (as-is, no autotagging, files left in place) into a temporary library,
 * `beet ls -f` for what it stored, `beet info` for what its tag reader sees in a file (embedded art included).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { numberPair, type Reading, requireTool, run } from "./reading.ts";

const FIELDS = [
  "path",
  "title",
  "artist",
  "album",
  "albumartist",
  "track",
  "tracktotal",
  "disc",
  "disctotal",
  "year",
  "month",
  "day",
] as const;

export async function readWithBeets(musicDir: string, home: string): Promise<Map<string, Reading>> {
  const beet = requireTool("beet", "apt-get install beets (.ci/run does)");
  const beetsDir = join(home, "beets");
  mkdirSync(beetsDir, { recursive: true });
  writeFileSync(
    join(beetsDir, "config.yaml"),
    [
      `directory: ${JSON.stringify(join(home, "beets-library"))}`,
      `library: ${JSON.stringify(join(beetsDir, "library.db"))}`,
      "plugins: [info]",
      "import: {copy: no, move: no, write: no, autotag: no, quiet: yes, resume: no, incremental: no}",
      "",
    ].join("\n"),
  );
  const env = { BEETSDIR: beetsDir, HOME: home };
  await run([beet, "import", "-A", "-q", musicDir], env);
  const listed = await run([beet, "ls", "-f", FIELDS.map((field) => `$${field}`).join("\t")], env);
  const readings = new Map<string, Reading>();
  for (const line of listed.split("\n").filter(Boolean)) {
    const values = Object.fromEntries(line.split("\t").map((value, index) => [FIELDS[index], value])) as Record<
      (typeof FIELDS)[number],
      string
    >;
    readings.set(values.path, {
      title: values.title,
      artist: values.artist,
      album: values.album,
      albumArtist: values.albumartist,
      track: numberPair(values.track, values.tracktotal),
      disc: numberPair(values.disc, values.disctotal),
      date: `${values.year}-${values.month}-${values.day}`,
      covers: 0,
    });
  }
  // `beet info` reads the files themselves; `art` says whether mediafile found an embedded image.
  const info = await run([beet, "info", "-i", "art,isrc", ...readings.keys()], env);
  let current: string | undefined;
  for (const line of info.split("\n")) {
    if (readings.has(line.trim())) current = line.trim();
    const match = /^\s*(art|isrc): (.*)$/.exec(line);
    if (!current || !match) continue;
    const reading = readings.get(current)!;
    readings.set(
      current,
      match[1] === "art" ? { ...reading, covers: match[2] === "True" ? 1 : 0 } : { ...reading, isrc: match[2]! },
    );
  }
  return readings;
}
