/**
 * Both remote services at once, built from one Spotify catalog: the fake Spotify Web API and a fake YouTube whose
 * catalog holds, for every Spotify track, its audio release (a "song") plus decoys a careless matcher would take
 * (a live video, a cover by someone else). Used by the e2e tests, the demo and the benches.
 */

import { type FakeLrclib, type LyricsKind, recordsFor, startFakeLrclib } from "./lrclib/index.ts";
import type { Catalog, CatalogTrack } from "./spotify/catalog.ts";
import { type FakeSpotify, type FakeSpotifySwitches, startFakeSpotify } from "./spotify/index.ts";
import { type FakeVideo, type FakeYouTube, startFakeYouTube } from "./youtube/index.ts";

export interface FakeWorld {
  readonly spotify: FakeSpotify;
  readonly youtube: FakeYouTube;
  readonly lrclib: FakeLrclib;
  /** Environment for a spawned musicdl: base URLs, origin and the fake's credentials. */
  readonly env: Record<string, string>;
  /** Video id of the song that matches a Spotify track. */
  videoIdOf(trackId: string): string;
  stop(): Promise<void>;
}

export interface FakeWorldOptions {
  readonly catalog: Catalog;
  readonly youtubeLatencyMs?: number;
  readonly spotifySwitches?: Partial<FakeSpotifySwitches>;
  /** Length of the generated audio per video (seconds, 2–5). */
  readonly audioSeconds?: number;
  /** Add decoy videos (live, cover) beside every song; default true. */
  readonly decoys?: boolean;
  /** Track ids with no YouTube upload at all (their items must fail with a reason). */
  readonly missing?: ReadonlySet<string>;
  /** Track ids whose song was never uploaded, while its decoys (live, karaoke) were: the matcher must refuse them. */
  readonly decoysOnly?: ReadonlySet<string>;
  /** Audio formats YouTube offers for a track's song (default both, opus preferred): `["aac"]` serves only itag 140. */
  readonly formatsOf?: (trackId: string) => FakeVideo["formats"] | undefined;
  /** Replaces the generated YouTube catalog (e.g. trapCatalogFor(catalog).videos). */
  readonly youtubeCatalog?: readonly FakeVideo[];
  /** What the fake LRCLIB holds per track; by default nothing (every lookup a miss). */
  readonly lyricsOf?: (track: CatalogTrack) => LyricsKind;
}

export async function startFakeWorld(options: FakeWorldOptions): Promise<FakeWorld> {
  const spotify = startFakeSpotify({
    catalog: options.catalog,
    serveCovers: true,
    ...(options.spotifySwitches ? { switches: options.spotifySwitches } : {}),
  });
  const videos = options.youtubeCatalog ?? youtubeCatalogFor(options.catalog, options);
  const youtube = await startFakeYouTube({
    catalog: videos,
    ...(options.youtubeLatencyMs ? { latencyMs: options.youtubeLatencyMs } : {}),
  });
  const lrclib = startFakeLrclib(options.lyricsOf ? recordsFor(options.catalog, options.lyricsOf) : []);
  return {
    spotify,
    youtube,
    lrclib,
    env: {
      MUSICDL_LRCLIB_URL: lrclib.url,
      MUSICDL_SPOTIFY_API_URL: spotify.apiUrl,
      MUSICDL_SPOTIFY_ACCOUNTS_URL: spotify.accountsUrl,
      MUSICDL_YOUTUBE_ORIGIN: youtube.origin,
      SPOTIFY_CLIENT_ID: spotify.clientId,
      SPOTIFY_CLIENT_SECRET: spotify.clientSecret,
    },
    videoIdOf: songVideoId,
    async stop() {
      await Promise.all([spotify.stop(), youtube.stop(), lrclib.stop()]);
    },
  };
}

export function youtubeCatalogFor(
  catalog: Catalog,
  options: Pick<FakeWorldOptions, "audioSeconds" | "decoys" | "missing" | "decoysOnly" | "formatsOf"> = {},
): FakeVideo[] {
  const videos: FakeVideo[] = [];
  const artistName = (id: string) => catalog.artists.get(id)?.name ?? "Unknown";
  for (const track of catalog.tracks.values()) {
    if (options.missing?.has(track.id)) continue;
    const artists = track.artistIds.map(artistName);
    const album = catalog.albums.get(track.albumId)?.name;
    const audioSeconds = options.audioSeconds ?? 2;
    const formats = options.formatsOf?.(track.id);
    if (!options.decoysOnly?.has(track.id))
      videos.push({
        videoId: songVideoId(track.id),
        title: track.name,
        artists,
        ...(album ? { album } : {}),
        // YouTube Music finds a release's audio track by its ISRC, as it does for most label releases.
        ...(track.isrc ? { isrc: track.isrc } : {}),
        ...(formats ? { formats } : {}),
        durationMs: track.durationMs,
        kind: "song",
        audioSeconds,
      });
    if (options.decoys === false && !options.decoysOnly?.has(track.id)) continue;
    videos.push({
      videoId: decoyVideoId(track.id, "L"),
      title: `${track.name} (Live)`,
      artists,
      durationMs: track.durationMs + 41_000,
      kind: "video",
      audioSeconds,
    });
    videos.push({
      videoId: decoyVideoId(track.id, "K"),
      title: `${track.name} (Karaoke Version)`,
      artists: ["Sing King"],
      durationMs: track.durationMs,
      kind: "video",
      audioSeconds,
    });
  }
  return videos;
}

/** 11 characters from the track id, like a real video id; distinct per track for the catalogs we generate. */
export function songVideoId(trackId: string): string {
  return `S${hash10(trackId)}`;
}
function decoyVideoId(trackId: string, kind: string): string {
  return `${kind}${hash10(trackId)}`;
}
function hash10(text: string): string {
  const hasher = new Bun.CryptoHasher("sha1");
  hasher.update(text);
  return hasher.digest("base64url").slice(0, 10);
}
