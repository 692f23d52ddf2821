/** Reads LRC text (`[mm:ss.xx] words`) into timed lines in time order. Pure. */
import type { LyricsLine } from "musicdl/plugin";

// [mm:ss], [mm:ss.x], [mm:ss.xx], [mm:ss.xxx], also with a colon before the fraction as some editors write it.
const STAMP = /^\[(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?\]/;

/**
 * Every timed line, sorted by time (lines with several stamps, `[00:12.00][00:45.00] Chorus`, appear once per
 * stamp). ID tags such as `[ar: …]` and untimed lines are left out.
 */
export function parseLrc(text: string): LyricsLine[] {
  const lines: LyricsLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const stamps: number[] = [];
    let rest = raw.trim();
    for (let found = STAMP.exec(rest); found; found = STAMP.exec(rest)) {
      const [, minutes, seconds, fraction = "0"] = found;
      const fractionMs = Math.round(Number(`0.${fraction}`) * 1000);
      stamps.push(Number(minutes) * 60_000 + Number(seconds) * 1000 + fractionMs);
      rest = rest.slice(found[0].length);
    }
    const words = rest.trim();
    for (const timeMs of stamps) lines.push({ timeMs, text: words });
  }
  // A stable sort keeps the file's order for equal times.
  return lines.sort((a, b) => a.timeMs - b.timeMs);
}

/** The words alone, one line each, for a plain-text copy of synced lyrics. */
export function plainTextOf(lines: readonly LyricsLine[]): string {
  return lines
    .map((line) => line.text)
    .join("\n")
    .trim();
}
