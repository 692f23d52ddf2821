/** Reads files with mutagen (Picard's and Quod Libet's tag library) through read-mutagen.py. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Reading, run } from "./reading.ts";

interface MutagenFields {
  readonly title: string[];
  readonly artist: string[];
  readonly artists: string[];
  readonly album: string[];
  readonly albumartist: string[];
  readonly albumartists: string[];
  readonly track: string[];
  readonly disc: string[];
  readonly date: string[];
  readonly isrc: string[];
  readonly media: string[];
  readonly covers: number;
  readonly id3?: { version: number[]; encodings: number[] };
  readonly error?: string;
}

export interface MutagenReading extends Reading {
  readonly media: readonly string[];
  readonly id3?: { version: number[]; encodings: number[] };
}

/** Debian's python3-mutagen lives in the system Python, which a pyenv or venv `python3` on PATH may not see. */
export async function pythonWithMutagen(): Promise<string> {
  for (const candidate of ["/usr/bin/python3", Bun.which("python3")]) {
    if (!candidate || !existsSync(candidate)) continue;
    const probe = Bun.spawnSync([candidate, "-c", "import mutagen"], { stdout: "ignore", stderr: "ignore" });
    if (probe.exitCode === 0) return candidate;
  }
  throw new Error("python3 with mutagen is not installed: apt-get install python3-mutagen (.ci/run does)");
}

export async function readWithMutagen(files: readonly string[]): Promise<Map<string, MutagenReading>> {
  const python = await pythonWithMutagen();
  const out = await run([python, join(import.meta.dir, "read-mutagen.py"), ...files]);
  const parsed = JSON.parse(out) as Record<string, MutagenFields>;
  const readings = new Map<string, MutagenReading>();
  for (const [file, fields] of Object.entries(parsed)) {
    if (fields.error) throw new Error(`mutagen: ${file}: ${fields.error}`);
    readings.set(file, {
      title: fields.title.join(" | "),
      artist: fields.artist.join(" | "),
      artistValues: fields.artist,
      artists: fields.artists,
      album: fields.album.join(" | "),
      albumArtist: fields.albumartist.join(" | "),
      albumArtists: fields.albumartists,
      track: fields.track.join(" | "),
      disc: fields.disc.join(" | "),
      date: fields.date.join(" | "),
      isrc: fields.isrc.join(" | "),
      covers: fields.covers,
      media: fields.media,
      ...(fields.id3 ? { id3: fields.id3 } : {}),
    });
  }
  return readings;
}
