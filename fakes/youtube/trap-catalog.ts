/**
 * A YouTube catalog with the traps a real one sets, one class per track in turn: the right song buried behind
 * other recordings of the same title, an unplayable best upload with a playable twin, only a music video, only
 * songs of the wrong length, a live album of the same name, noise-tagged uploads. Each track knows the video a
 * correct matcher takes, or null when the right answer is "none". Used by bench/search.ts and the e2e tests.
 */
import type { Catalog, CatalogTrack } from "../spotify/catalog.ts";
import type { FakeVideo } from "./catalog.ts";

export const TRAP_CLASSES = [
  "isrc-card",
  "songs-search",
  "isrc-card-2",
  "buried-page-two",
  "album-query",
  "login-required-twin",
  "premium-only-twin",
  "video-only",
  "video-far-off",
  "wrong-length-only",
  "live-album",
  "noise-upload",
] as const;
export type TrapClass = (typeof TRAP_CLASSES)[number];

export interface TrapCatalog {
  readonly videos: FakeVideo[];
  /** Spotify track id → the video a correct matcher downloads, or null (a reported miss). */
  readonly expected: Map<string, string | null>;
  readonly classOf: Map<string, TrapClass>;
}

/** 11 characters: a class letter, the track's position and padding. */
const videoId = (letter: string, index: number, variant = 0) =>
  `${letter}${String(index).padStart(4, "0")}${String(variant).padStart(2, "0")}xxxx`.slice(0, 11);

/** Which class a track gets, by its position in the catalog; by default every class in turn. */
export type ClassFor = (index: number) => TrapClass;

export function trapCatalogFor(
  catalog: Catalog,
  classFor: ClassFor = (index) => TRAP_CLASSES[index % TRAP_CLASSES.length]!,
): TrapCatalog {
  const videos: FakeVideo[] = [];
  const expected = new Map<string, string | null>();
  const classOf = new Map<string, TrapClass>();
  const artistName = (id: string) => catalog.artists.get(id)?.name ?? "Unknown";
  [...catalog.tracks.values()].forEach((track, index) => {
    const trap = classFor(index);
    classOf.set(track.id, trap);
    const artists = track.artistIds.map(artistName);
    const album = catalog.albums.get(track.albumId)?.name ?? "Unknown Album";
    const built = trapVideos(trap, track, artists, album, index);
    videos.push(...built.videos);
    expected.set(track.id, built.expected);
  });
  return { videos, expected, classOf };
}

interface Built {
  readonly videos: FakeVideo[];
  readonly expected: string | null;
}

function trapVideos(trap: TrapClass, track: CatalogTrack, artists: string[], album: string, index: number): Built {
  const song = (variant: number, patch: Partial<FakeVideo> = {}): FakeVideo => ({
    videoId: videoId("S", index, variant),
    title: track.name,
    artists,
    album,
    durationMs: track.durationMs,
    kind: "song",
    audioSeconds: 2,
    ...patch,
  });
  const withIsrc = track.isrc ? { isrc: track.isrc } : {};
  // Same title and artist, other albums, other lengths: compilations, edits, re-recordings.
  const others = (count: number, offsetMs: (n: number) => number) =>
    Array.from({ length: count }, (_, n) =>
      song(10 + n, { album: `Greatest Hits Volume ${n + 1}`, durationMs: track.durationMs + offsetMs(n) }),
    );
  const live: FakeVideo = {
    ...song(2, { kind: "video", title: `${track.name} (Live)`, durationMs: track.durationMs + 41_000 }),
  };
  delete (live as { album?: string }).album;
  switch (trap) {
    case "isrc-card":
    case "isrc-card-2": {
      const right = song(0, withIsrc);
      return { videos: [right, live], expected: right.videoId };
    }
    case "songs-search": {
      const right = song(0);
      return { videos: [live, right], expected: right.videoId };
    }
    case "buried-page-two": {
      // 24 near misses rank first; the right song is on the second page, or first for the album query.
      const right = song(0);
      return { videos: [...others(24, (n) => 17_000 + n * 2_000), right], expected: right.videoId };
    }
    case "album-query": {
      // A compilation's cut 17 s shorter heads the list (the recording issue 13 saw taken as "strong 0.12").
      const right = song(0, { durationMs: track.durationMs + 1_000 });
      return { videos: [...others(30, (n) => -17_000 - n * 1_000), right], expected: right.videoId };
    }
    case "login-required-twin":
    case "premium-only-twin": {
      const playability = trap === "login-required-twin" ? "LOGIN_REQUIRED" : "UNPLAYABLE";
      const locked = song(0, { ...withIsrc, playability });
      const twin = song(1, { durationMs: track.durationMs + 1_000 });
      return { videos: [locked, twin], expected: twin.videoId };
    }
    case "video-only": {
      const video = song(0, {
        kind: "video",
        title: `${track.name} (Official Video)`,
        durationMs: track.durationMs + 4_000,
      });
      delete (video as { album?: string }).album;
      return { videos: [video, live], expected: video.videoId };
    }
    case "video-far-off": {
      const video = song(0, {
        kind: "video",
        title: `${track.name} (Official Video)`,
        durationMs: track.durationMs + 29_000,
      });
      delete (video as { album?: string }).album;
      return { videos: [video], expected: null };
    }
    case "wrong-length-only":
      return {
        videos: [
          song(0, { durationMs: track.durationMs - 17_000 }),
          song(1, { durationMs: track.durationMs + 69_000, album: `${album} (Deluxe)` }),
        ],
        expected: null,
      };
    case "live-album": {
      // Same title, same length, on a live album named after a venue and a date; the studio song comes second.
      const onStage = song(0, { album: "Live at the Apollo, 14 March 1994" });
      const right = song(1);
      return { videos: [onStage, right], expected: right.videoId };
    }
    case "noise-upload": {
      const upload: FakeVideo = {
        videoId: videoId("S", index, 0),
        title: `${artists.join(", ")} - ${track.name} [CD Quality]`,
        artists: ["Label Uploads"],
        durationMs: track.durationMs,
        kind: "video",
        audioSeconds: 2,
        channel: "Label Uploads",
      };
      return { videos: [live, upload], expected: upload.videoId };
    }
  }
}
