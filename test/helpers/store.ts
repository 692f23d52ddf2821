/** Test helpers for the store: a temp dir removed via `using`, a fake clock, a log that records, plan item builders. */
import { makeAlbum, makeTrack } from "./track-meta.ts";
import type { M3uPlanItem, TrackPlanItem } from "../../src/plan/model.ts";
import type { TrackMeta } from "../../src/plugins/api.ts";
import type { StoreLog } from "../../src/store/index.ts";
import type { Clock } from "../../src/util/clock.ts";

export interface FakeClock extends Clock {
  advance(ms: number): void;
}

export function createFakeClock(startMs = Date.UTC(2024, 0, 1)): FakeClock {
  let now = startMs;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms) {
      now += ms;
    },
  };
}

export function createRecordingLog(): StoreLog & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    warnings,
    infos,
    warn: (message) => void warnings.push(message),
    info: (message) => void infos.push(message),
    debug: () => {},
  };
}

/** A TrackMeta in the shape src/plugins/api.ts documents. */
export function trackMeta(id: string, title = `Song ${id}`): TrackMeta {
  return makeTrack({ id, title, trackNumber: 1, album: makeAlbum({ id: "album1", images: [] }) });
}

export function trackItem(id: string, overrides: Partial<TrackPlanItem> = {}): TrackPlanItem {
  return {
    id: `track:spotify:${id}`,
    kind: "track",
    status: "pending",
    attempts: 0,
    target: `/music/Rush/${id}.mp3`,
    sources: [{ section: "songs", url: `https://open.spotify.com/track/${id}` }],
    track: trackMeta(id),
    ...overrides,
  };
}

export function m3uItem(name: string, entries: string[]): M3uPlanItem {
  return {
    id: `m3u:playlists:${name}`,
    kind: "m3u",
    status: "pending",
    attempts: 0,
    target: `/music/${name}.m3u8`,
    sources: [{ section: "playlists", url: `https://open.spotify.com/playlist/${name}` }],
    title: name,
    entries,
  };
}
