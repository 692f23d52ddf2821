/** Small builders for TrackMeta and AudioCandidate (shapes from src/plugins/api.ts), so cases list only what matters. */
import type { AudioCandidate, TrackMeta } from "../../src/plugins/api.ts";
import { makeTrack } from "../helpers/track-meta.ts";

/** `m:ss` → milliseconds; the golden set writes lengths the way Spotify and YouTube Music show them. */
export function parseDuration(text: string): number {
  const [minutes, seconds] = text.split(":").map(Number);
  return ((minutes ?? 0) * 60 + (seconds ?? 0)) * 1000;
}

export interface TrackSketch {
  title: string;
  artists: readonly string[];
  album?: string;
  duration: string;
  isrc?: string;
  explicit?: boolean;
}

export interface CandidateSketch {
  id: string;
  title: string;
  artists: readonly string[];
  album?: string;
  duration: string;
  kind: "song" | "video";
  isrc?: string;
  provider?: string;
}

/** A track from a sketch, through the shared builder (test/helpers/track-meta.ts). */
export function buildTrack(sketch: TrackSketch): TrackMeta {
  return makeTrack({
    id: "0000000000000000000000",
    title: sketch.title,
    artists: sketch.artists,
    album: {
      id: "album0000000000000000",
      name: sketch.album ?? sketch.title,
      type: "album",
      artists: sketch.artists.slice(0, 1),
      releaseDate: "2020",
      releaseDatePrecision: "year",
      totalTracks: 10,
      images: [],
    },
    trackNumber: 1,
    durationMs: parseDuration(sketch.duration),
    explicit: sketch.explicit ?? false,
    isrc: sketch.isrc,
  });
}

export function buildCandidate(sketch: CandidateSketch): AudioCandidate {
  return {
    provider: sketch.provider ?? "youtube-music",
    id: sketch.id,
    title: sketch.title,
    artists: sketch.artists,
    album: sketch.album,
    durationMs: parseDuration(sketch.duration),
    kind: sketch.kind,
    isrc: sketch.isrc,
    url: `https://music.youtube.com/watch?v=${sketch.id}`,
  };
}
