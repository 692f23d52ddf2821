/**
 * Playlists and saved tracks: entry lists that carry full track objects, so no per-track request is needed.
 * A playlist whose `snapshot_id` is unchanged costs one request (the snapshot probe).
 */
import * as v from "valibot";
import type { ResolvedSource, TrackMeta } from "musicdl/plugin";
import { cacheKeys } from "./cache.ts";
import { SpotifyApiError, SpotifyAuthError, SpotifyError } from "./errors.ts";
import { toTrackMeta } from "./map.ts";
import { requireScopes } from "./scopes.ts";
import { type ResolveContext, withMarket } from "./resolve-context.ts";
import {
  FullTrackSchema,
  PlaylistEntriesPageSchema,
  PlaylistProbeSchema,
  PlaylistSchema,
  SavedTracksPageSchema,
  type SpotifyPlaylistEntry,
} from "./schemas.ts";
import { describeNamed, spotifyUrlOf } from "./url.ts";
import { followPages } from "./_pages.ts";

/** Counts what was skipped, for one summary warning per source instead of one line per entry. */
interface Skipped {
  removed: number;
  local: number;
  episode: number;
  unavailable: number;
}

export async function resolvePlaylist(ctx: ResolveContext, id: string, signal?: AbortSignal): Promise<ResolvedSource> {
  // `my-playlists` listed this playlist's snapshot moments ago: an unchanged one costs no request at all.
  const listedSnapshot = ctx.listed.snapshots.get(id);
  const listedCopy = listedSnapshot && (ctx.cache.get(cacheKeys.playlist(id, listedSnapshot)) as ResolvedSource);
  if (listedCopy) {
    ctx.stats.cacheHits++;
    ctx.loader.provide(listedCopy.tracks, { cached: true });
    return listedCopy;
  }
  const knownSnapshot = ctx.cache.get(cacheKeys.playlistSnapshot(id)) as string | undefined;
  // A listed snapshot not in the cache is a changed playlist: probing would only say so again.
  if (knownSnapshot !== undefined && listedSnapshot === undefined) {
    const probe = await ctx.transport.get(`/playlists/${id}?fields=snapshot_id,name`, PlaylistProbeSchema, signal);
    const cached = probe.snapshot_id
      ? (ctx.cache.get(cacheKeys.playlist(id, probe.snapshot_id)) as ResolvedSource | undefined)
      : undefined;
    if (cached) {
      ctx.stats.cacheHits++;
      ctx.loader.provide(cached.tracks, { cached: true });
      return cached;
    }
  }
  const done = ctx.loader.beginListing("provider");
  try {
    const playlist = await ctx.transport.get(
      withMarket(`/playlists/${id}?additional_types=track`, ctx.market),
      PlaylistSchema,
      signal,
    );
    const firstPage = playlist.items ?? playlist.tracks;
    // Feb 2026 rule: contents only for playlists the user owns or collaborates on; otherwise no items at all.
    if (!firstPage || (firstPage.items === undefined && firstPage.total > 0))
      throw withheld(id, playlist.name, ctx.tokens.kind);
    const skipped: Skipped = { removed: 0, local: 0, episode: 0, unavailable: 0 };
    const tracks: TrackMeta[] = [];
    collect(firstPage.items ?? [], tracks, skipped);
    let next = firstPage.next;
    while (next) {
      let page: v.InferOutput<typeof PlaylistEntriesPageSchema>;
      try {
        page = await ctx.transport.get(next, PlaylistEntriesPageSchema, signal);
      } catch (error) {
        if (error instanceof SpotifyApiError && error.status === 403)
          throw withheld(id, playlist.name, ctx.tokens.kind);
        throw error;
      }
      collect(page.items, tracks, skipped);
      next = page.next;
    }
    if (firstPage.total > 0 && tracks.length === 0 && summarize(skipped) === "")
      throw withheld(id, playlist.name, ctx.tokens.kind);
    ctx.loader.provide(tracks);
    const summary = summarize(skipped);
    const resolved: ResolvedSource = {
      kind: "playlist",
      id,
      name: playlist.name,
      ...(playlist.snapshot_id ? { version: playlist.snapshot_id } : {}),
      tracks,
      warnings: summary ? [`${describeNamed("playlist", playlist.name, id)}: skipped ${summary}`] : [],
    };
    if (playlist.snapshot_id) {
      // Each snapshot's contents never change, so they never expire; the store evicts by size.
      ctx.cache.set(cacheKeys.playlist(id, playlist.snapshot_id), resolved, null);
      ctx.cache.set(cacheKeys.playlistSnapshot(id), playlist.snapshot_id, null);
    }
    return resolved;
  } finally {
    done();
  }
}

export async function resolveSaved(ctx: ResolveContext, signal?: AbortSignal): Promise<ResolvedSource> {
  if (ctx.tokens.kind !== "user") {
    throw new SpotifyAuthError("Your saved (liked) tracks need a Spotify login; app credentials cannot read them.", {
      hint: "Run `musicdl auth login` once, then run again.",
    });
  }
  requireScopes("saved", ctx.tokens.scopes);
  const done = ctx.loader.beginListing("provider");
  try {
    const tracks: TrackMeta[] = [];
    const skipped: Skipped = { removed: 0, local: 0, episode: 0, unavailable: 0 };
    const first = withMarket(`/me/tracks?limit=${ctx.pageLimits.limitFor("saved-tracks")}`, ctx.market);
    for await (const page of followPages(ctx.transport, first, SavedTracksPageSchema, signal)) {
      collect(
        page.items.map((entry) => ({ is_local: false, track: entry.track as SpotifyPlaylistEntry["track"] })),
        tracks,
        skipped,
      );
    }
    ctx.loader.provide(tracks);
    const summary = summarize(skipped);
    return {
      kind: "saved",
      id: "",
      name: "Saved tracks",
      tracks,
      warnings: summary ? [`saved tracks: skipped ${summary}`] : [],
    };
  } finally {
    done();
  }
}

function collect(entries: readonly SpotifyPlaylistEntry[], tracks: TrackMeta[], skipped: Skipped): void {
  for (const entry of entries) {
    const item = entry.item ?? entry.track;
    if (!item) skipped.removed++;
    else if (entry.is_local || item.is_local) skipped.local++;
    else if (item.type === "episode") skipped.episode++;
    else {
      const parsed = v.safeParse(FullTrackSchema, item);
      const track = parsed.success ? toTrackMeta(parsed.output) : null;
      if (track) tracks.push(track);
      else skipped.unavailable++;
    }
  }
}

function summarize(skipped: Skipped): string {
  const parts = [
    skipped.local && `${skipped.local} local file${skipped.local > 1 ? "s" : ""}`,
    skipped.episode && `${skipped.episode} podcast episode${skipped.episode > 1 ? "s" : ""}`,
    skipped.unavailable && `${skipped.unavailable} unavailable track${skipped.unavailable > 1 ? "s" : ""}`,
    skipped.removed && `${skipped.removed} removed entr${skipped.removed > 1 ? "ies" : "y"}`,
  ].filter(Boolean);
  return parts.join(", ");
}

function withheld(id: string, name: string, tokenKind: "app" | "user"): SpotifyError {
  const who =
    tokenKind === "user"
      ? "your account does not own or collaborate on it"
      : "musicdl is not logged in as a Spotify user";
  return new SpotifyError(
    `Spotify withheld the tracks of ${name.trim() ? `playlist "${name}" (${spotifyUrlOf("playlist", id)})` : describeNamed("playlist", name, id)}: since Feb 2026 Spotify returns playlist contents only to their owner or collaborators, and ${who}.`,
    {
      hint:
        tokenKind === "user"
          ? "Save a copy of the playlist to your account (or ask to be added as a collaborator) and use the copy's link."
          : "Run `musicdl auth login`, and make sure the playlist is one you own or collaborate on (save a copy if not).",
    },
  );
}
