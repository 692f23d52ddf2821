/** Flattens youtubei.js text runs into plain data: text plus the artist/album/video link it carries, if any. */

export interface PlainRun {
  readonly text: string;
  /** `UC…` for an artist or channel, `MPRE…` for an album. */
  readonly browseId?: string;
  readonly videoId?: string;
  /** `MUSIC_VIDEO_TYPE_ATV` (audio track), `_OMV` (official video), `_UGC` (upload)… */
  readonly musicVideoType?: string;
}

interface RunLike {
  readonly text?: string;
  readonly endpoint?: { readonly payload?: Record<string, unknown> };
}

const DURATION = /^\d+(?::[0-5]\d)+$/;
/** The ` • ` between a subtitle's parts (artists • album • duration). */
const SEPARATOR = /^\s*•\s*$/;

export function plainRuns(text: { runs?: readonly RunLike[] } | undefined): PlainRun[] {
  return (text?.runs ?? []).map((run) => {
    const payload = (run.endpoint?.payload ?? {}) as {
      browseId?: string;
      videoId?: string;
      watchEndpointMusicSupportedConfigs?: { watchEndpointMusicConfig?: { musicVideoType?: string } };
    };
    return {
      text: run.text ?? "",
      ...(payload.browseId ? { browseId: payload.browseId } : {}),
      ...(payload.videoId ? { videoId: payload.videoId } : {}),
      ...(payload.watchEndpointMusicSupportedConfigs?.watchEndpointMusicConfig?.musicVideoType
        ? { musicVideoType: payload.watchEndpointMusicSupportedConfigs.watchEndpointMusicConfig.musicVideoType }
        : {}),
    };
  });
}

/** Splits runs at ` • ` into segments, e.g. [[artist, " & ", artist], [album], ["3:40"]]. */
export function segments(runs: readonly PlainRun[]): PlainRun[][] {
  const out: PlainRun[][] = [[]];
  for (const run of runs) {
    if (SEPARATOR.test(run.text)) out.push([]);
    else out[out.length - 1]!.push(run);
  }
  return out.filter((segment) => segment.length > 0);
}

export const linkedArtists = (runs: readonly PlainRun[]) =>
  runs.filter((run) => run.browseId?.startsWith("UC")).map((run) => run.text);

export const linkedAlbum = (runs: readonly PlainRun[]) => runs.find((run) => run.browseId?.startsWith("MPRE"))?.text;

/** `3:40` → 220000; the last duration-looking run wins (views and years come earlier). */
export function durationMsOf(runs: readonly PlainRun[]): number | undefined {
  const text = runs.findLast((run) => DURATION.test(run.text.trim()))?.text.trim();
  if (text === undefined) return undefined;
  return text.split(":").reduce((total, part) => total * 60 + Number(part), 0) * 1000;
}

export const isDurationText = (text: string) => DURATION.test(text.trim());
