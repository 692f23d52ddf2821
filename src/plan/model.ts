/** The plan's data model: plain JSON-serializable items that go into sqlite, `plan --json` and tests unchanged. */
import type { AudioCandidate, TrackMeta } from "../plugins/api.ts";
import type { SourceSection } from "../config/types.ts";

export type PlanItemStatus =
  | "pending"
  | "matching"
  | "matched"
  | "downloading"
  | "tagging"
  | "done"
  | "skipped"
  | "failed";

export type PlanStage = "resolve" | "match" | "download" | "convert" | "tag" | "m3u";

/** A config entry (or CLI argument) that asked for an item. */
export interface SourceRefOfItem {
  readonly section: SourceSection;
  readonly url: string;
  readonly name?: string;
  /** 1-based position within that source (playlist/album order). */
  readonly position?: number;
  /** The library word (`my-playlists`…) the source came from, so a run that cannot list it keeps its items. */
  readonly via?: string;
}

export interface ItemError {
  readonly stage: PlanStage;
  readonly reason: string;
}

export interface ChosenCandidate {
  readonly candidate: AudioCandidate;
  /** Total distance, 0 (perfect) … 1. */
  readonly distance: number;
  readonly verdict: "strong" | "acceptable";
}

interface PlanItemBase {
  /** Stable across runs: `track:<source>:<id>` (see trackKey) or `m3u:<section>:<sourceId>`. */
  readonly id: string;
  status: PlanItemStatus;
  attempts: number;
  error?: ItemError;
  /** Absolute path of the file this item writes. */
  target: string;
  readonly sources: SourceRefOfItem[];
}

export interface TrackPlanItem extends PlanItemBase {
  readonly kind: "track";
  readonly track: TrackMeta;
  match?: ChosenCandidate;
  /** The match comes from a pin (`download.pins` or `musicdl match --pin`): never searched, never substituted. */
  pinned?: boolean;
  /** Why it was skipped up front (`already present`, …). */
  skipReason?: string;
}

export interface M3uPlanItem extends PlanItemBase {
  readonly kind: "m3u";
  readonly title: string;
  /** Ids of the track items it lists, in the source's order. */
  readonly entries: string[];
}

export type PlanItem = TrackPlanItem | M3uPlanItem;

export interface PlanStats {
  tracks: number;
  duplicatesRemoved: number;
  alreadyPresent: number;
  toDownload: number;
  m3u: number;
  byStatus: Record<PlanItemStatus, number>;
}

export interface DownloadPlan {
  readonly items: PlanItem[];
  /** item id → ids it waits for (an M3U waits for its tracks). */
  readonly dependencies: Record<string, string[]>;
  readonly stats: PlanStats;
}
