/** The `.lrc` file musicdl writes beside a track: its path (same base name) and its text. Pure. */
import type { Lyrics, TrackMeta } from "../plugins/api.ts";

/** `Artist/Album/01 - Song.mp3` → `Artist/Album/01 - Song.lrc`: the name players look for beside the audio. */
export function lrcPathFor(audioPath: string): string {
  const slash = Math.max(audioPath.lastIndexOf("/"), audioPath.lastIndexOf("\\"));
  const dot = audioPath.lastIndexOf(".");
  return `${dot > slash + 1 ? audioPath.slice(0, dot) : audioPath}.lrc`;
}

/** `[mm:ss.xx]`, as LRC players read it; minutes run past 99 for very long tracks rather than wrapping. */
export function lrcTimestamp(timeMs: number): string {
  const centiseconds = Math.max(0, Math.round(timeMs / 10));
  const minutes = Math.floor(centiseconds / 6000);
  const seconds = Math.floor((centiseconds % 6000) / 100);
  const fraction = centiseconds % 100;
  return `[${pad(minutes)}:${pad(seconds)}.${pad(fraction)}]`;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** One ID tag per line; `]` and line breaks would end the tag early, so they are dropped from the value. */
const idTag = (name: string, value: string) => `[${name}:${value.replace(/[\]\r\n]/g, " ").trim()}]`;

/**
 * ID tags (artist, title, album, length), then the timed lines in time order. Plain-only lyrics are written as
 * their lines without times: LRC players (Jellyfin, Navidrome, foobar2000) then show them as unsynced text.
 */
export function renderLrc(lyrics: Lyrics, track: TrackMeta): string {
  const header = [
    idTag("ar", track.artists.join(", ")),
    idTag("ti", track.title),
    idTag("al", track.album.name),
    idTag("length", lrcTimestamp(track.durationMs).slice(1, 6)),
  ];
  const body = lyrics.synced?.length
    ? [...lyrics.synced].sort((a, b) => a.timeMs - b.timeMs).map((line) => `${lrcTimestamp(line.timeMs)}${line.text}`)
    : lyrics.plain.split(/\r?\n/);
  return `${[...header, ...body].join("\n")}\n`;
}
