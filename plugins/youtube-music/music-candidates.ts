/**
 * Turns a YouTube Music search answer into AudioCandidates by walking its MusicShelf and MusicCardShelf nodes.
 * Shelf titles are never read: they are localized ("Songs", "Titel"…), which is why youtubei.js's `res.songs`
 * is undefined for a German answer (shared fixtures README §1, search-all.json).
 */
import type { AudioCandidate } from "musicdl/plugin";
import { YTNodes } from "youtubei.js";
import {
  durationMsOf,
  isDurationText,
  linkedAlbum,
  linkedArtists,
  type PlainRun,
  plainRuns,
  segments,
} from "./music-runs.ts";

type MusicSearchNode = YTNodes.MusicShelf | YTNodes.MusicCardShelf | YTNodes.ItemSection;

/** The items of a shelf's next page (youtubei.js `MusicShelfContinuation`, not among `YTNodes`). */
const SHELF_CONTINUATION = "musicShelfContinuation";

export interface YouTubeMusicCandidateData {
  readonly videoId: string;
  readonly musicVideoType?: string;
  /** Which request found it: the ISRC lookup, the songs search or the videos search. */
  readonly foundBy: "isrc" | "songs" | "videos";
}

/** ATV is YouTube Music's audio track of a release; OMV (official video), UGC and the rest have pictures. */
function kindOf(musicVideoType: string | undefined, itemType: string | undefined): AudioCandidate["kind"] | null {
  if (musicVideoType === "MUSIC_VIDEO_TYPE_ATV") return "song";
  if (musicVideoType?.startsWith("MUSIC_VIDEO_TYPE_")) return musicVideoType.includes("PODCAST") ? null : "video";
  if (itemType === "song" || itemType === "video") return itemType;
  return null;
}

interface Parts {
  readonly videoId?: string;
  readonly musicVideoType?: string;
  readonly itemType?: string;
  readonly title: string;
  readonly subtitle: readonly PlainRun[];
  readonly extra: readonly PlainRun[];
  /** The subtitle starts with a type label ("Song", "Titel", "Video"); undefined when that varies (unfiltered). */
  readonly labelled: boolean | undefined;
}

function toCandidate(parts: Parts, provider: string, foundBy: YouTubeMusicCandidateData["foundBy"]) {
  const kind = kindOf(parts.musicVideoType, parts.itemType);
  const durationMs = durationMsOf(parts.subtitle) ?? durationMsOf(parts.extra);
  if (!parts.videoId || !parts.title || kind === null || durationMs === undefined) return null;
  let artists = linkedArtists(parts.subtitle);
  if (artists.length === 0 && parts.labelled !== undefined) {
    // Artists without a channel are plain text (youtubei.js returns `artists: []` for them); take the segment
    // where artists stand, unless it is the duration.
    const artistSegment = segments(parts.subtitle)[parts.labelled ? 1 : 0] ?? [];
    const text = artistSegment
      .map((run) => run.text)
      .join("")
      .trim();
    if (text && !isDurationText(text)) artists = [text];
  }
  const album = kind === "song" ? (linkedAlbum(parts.subtitle) ?? linkedAlbum(parts.extra)) : undefined;
  const data: YouTubeMusicCandidateData = {
    videoId: parts.videoId,
    foundBy,
    ...(parts.musicVideoType ? { musicVideoType: parts.musicVideoType } : {}),
  };
  return {
    provider,
    id: parts.videoId,
    title: parts.title,
    artists,
    ...(album ? { album } : {}),
    durationMs,
    kind,
    url: `https://music.youtube.com/watch?v=${parts.videoId}`,
    data,
  } satisfies AudioCandidate;
}

function cardParts(card: YTNodes.MusicCardShelf): Parts {
  const titleRuns = plainRuns(card.title as never);
  const target = titleRuns.find((run) => run.videoId) ?? plainRuns({ runs: [{ endpoint: card.on_tap }] } as never)[0];
  return {
    videoId: target?.videoId,
    musicVideoType: target?.musicVideoType,
    title: titleRuns.map((run) => run.text).join(""),
    subtitle: plainRuns(card.subtitle as never),
    extra: [],
    // A top-result card's subtitle always opens with the result type ("Titel • Abstrakt • …").
    labelled: true,
  };
}

function itemParts(item: YTNodes.MusicResponsiveListItem, labelled: boolean | undefined): Parts {
  const titleRuns = plainRuns(item.flex_columns[0]?.title as never);
  const overlayEndpoint = item.overlay?.content?.endpoint;
  const overlayRun = plainRuns({ runs: [{ endpoint: overlayEndpoint }] } as never)[0];
  return {
    videoId: item.id ?? titleRuns[0]?.videoId ?? overlayRun?.videoId,
    musicVideoType: titleRuns[0]?.musicVideoType ?? overlayRun?.musicVideoType,
    itemType: item.item_type,
    title: titleRuns.map((run) => run.text).join(""),
    subtitle: plainRuns(item.flex_columns[1]?.title as never),
    extra: [...plainRuns(item.flex_columns[2]?.title as never), ...plainRuns(item.fixed_columns[0]?.title as never)],
    labelled,
  };
}

export interface ReadOptions {
  readonly provider: string;
  readonly foundBy: YouTubeMusicCandidateData["foundBy"];
  /** A filtered search (songs/videos) has no type label in front of the artists. */
  readonly filtered: boolean;
}

/** Candidates in answer order: cards first as YouTube ranks them, then shelf items (a next page's too). */
export function candidatesFromMusicSearch(contents: readonly MusicSearchNode[] | undefined, read: ReadOptions) {
  const out: AudioCandidate[] = [];
  for (const node of contents ?? []) {
    if (node.is(YTNodes.MusicCardShelf)) {
      const candidate = toCandidate(cardParts(node), read.provider, read.foundBy);
      if (candidate) out.push(candidate);
    } else if (node.is(YTNodes.MusicShelf) || node.type === SHELF_CONTINUATION) {
      const items = (node as YTNodes.MusicShelf).contents.filter((item) => item.is(YTNodes.MusicResponsiveListItem));
      for (const item of items) {
        const candidate = toCandidate(itemParts(item, read.filtered ? false : undefined), read.provider, read.foundBy);
        if (candidate) out.push(candidate);
      }
    }
  }
  return out;
}
