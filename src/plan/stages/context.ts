/** What every stage of the executor needs, injected so the executor stays testable without the CLI. */
import type { MatchSettings, OverwriteMode } from "../../config/types.ts";
import type { ScoredCandidate } from "../../match/pick.ts";
import type { AudioFormat, ProviderPlugin, TaggerPlugin, TagSet, TrackMeta } from "../../plugins/api.ts";
import type { SearchCache } from "../../store/index.ts";
import type { EventSink } from "../events.ts";
import type { PlanItem } from "../model.ts";
import type { LyricsStageContext } from "./lyrics.ts";

export interface LibraryIndexWriter {
  upsert(row: {
    trackKey: string;
    isrc?: string;
    path: string;
    format: string;
    sizeBytes: number;
    mtimeMs: number;
    tagHash: string;
  }): void;
}

export interface ExecutorLimits {
  readonly threads: number;
  readonly search: number;
  readonly download: number;
  readonly ffmpeg: number;
}

/** A p-limit queue: runs the task when a slot is free. */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** One queue per scarce resource, shared by every track of a run. */
export interface StageLimits {
  readonly search: Limit;
  readonly download: Limit;
  readonly ffmpeg: Limit;
}

export interface ExecutorContext {
  readonly providers: readonly ProviderPlugin[];
  taggerFor(format: AudioFormat): TaggerPlugin | undefined;
  /** Config `match:` weights and thresholds, for the shared pick. */
  readonly matchSettings?: Partial<MatchSettings>;
  /** The failure reason when nothing acceptable was found. */
  describeRejection(track: TrackMeta, ranked: readonly ScoredCandidate[]): string;
  convert(options: {
    input: string;
    output: string;
    target: { format: AudioFormat; bitrate: string };
    sourceCodec: string;
    sourceContainer: string;
    sourceBitrateKbps?: number;
    signal: AbortSignal;
  }): Promise<{ streamCopy: boolean }>;
  /** Cover bytes for a track's album (cached per album), or undefined. */
  coverFor(track: TrackMeta, signal: AbortSignal): Promise<TagSet["cover"]>;
  readonly searchCache?: SearchCache;
  /** Lyrics plugins, cache and record; absent (or no plugins) when lyrics are off. */
  readonly lyrics?: LyricsStageContext;
  readonly library?: LibraryIndexWriter;
  /** Persists an item's new state; called on every status change. */
  persist(item: PlanItem): void;
  readonly format: AudioFormat;
  readonly bitrate: string;
  readonly overwrite: OverwriteMode;
  readonly maxRetries: number;
  readonly limits: ExecutorLimits;
  /** Scratch space for downloads; one subfolder per item. */
  readonly tempDir: string;
  readonly onEvent: EventSink;
  readonly signal: AbortSignal;
}
