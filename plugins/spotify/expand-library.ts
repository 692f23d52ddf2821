/**
 * The user's own library as a list of albums, artists and playlists: `saved-albums` (GET /me/albums, offset paging),
 * `followed-artists` (GET /me/following, cursor paging) and `my-playlists` (GET /me/playlists, offset paging).
 * Each becomes ordinary album/artist/playlist sources, resolved (and cached) exactly as if the user had listed them.
 */
import type * as v from "valibot";
import { type ResolveContext, withMarket } from "./resolve-context.ts";
import {
  FollowedArtistsPageSchema,
  MyPlaylistsPageSchema,
  SavedAlbumsPageSchema,
  CurrentUserSchema,
} from "./schemas.ts";
import { loginNeeded, requireScopes } from "./scopes.ts";
import type { LibraryKind, SpotifyKind } from "./url.ts";
import { followPages } from "./_pages.ts";

export interface LibraryChild {
  readonly kind: Extract<SpotifyKind, "album" | "artist" | "playlist">;
  readonly id: string;
  readonly name: string;
}

export interface LibraryExpansion {
  readonly children: LibraryChild[];
  /** One summary line at most (playlists left out, and why). */
  readonly warnings: string[];
}

export async function expandLibrary(
  ctx: ResolveContext,
  kind: LibraryKind,
  signal?: AbortSignal,
): Promise<LibraryExpansion> {
  if (ctx.tokens.kind !== "user") throw loginNeeded(kind);
  requireScopes(kind, ctx.tokens.scopes);
  switch (kind) {
    case "saved-albums":
      return { children: await savedAlbums(ctx, signal), warnings: [] };
    case "followed-artists":
      return { children: await followedArtists(ctx, signal), warnings: [] };
    case "my-playlists":
      return myPlaylists(ctx, signal);
  }
}

async function savedAlbums(ctx: ResolveContext, signal?: AbortSignal): Promise<LibraryChild[]> {
  const children: LibraryChild[] = [];
  const first = withMarket(`/me/albums?limit=${ctx.pageLimits.limitFor("saved-albums")}`, ctx.market);
  for await (const page of followPages(ctx.transport, first, SavedAlbumsPageSchema, signal)) {
    for (const { album } of page.items) {
      children.push({ kind: "album", id: album.id, name: album.name });
      ctx.listed.albums.set(album.id, album);
    }
  }
  return unique(children);
}

async function followedArtists(ctx: ResolveContext, signal?: AbortSignal): Promise<LibraryChild[]> {
  const children: LibraryChild[] = [];
  const first = `/me/following?type=artist&limit=${ctx.pageLimits.limitFor("followed-artists")}`;
  let next: string | null = first;
  const cursorsSeen = new Set<string>();
  while (next) {
    const { artists }: v.InferOutput<typeof FollowedArtistsPageSchema> = await ctx.transport.get(
      next,
      FollowedArtistsPageSchema,
      signal,
    );
    for (const artist of artists.items) children.push({ kind: "artist", id: artist.id, name: artist.name });
    // Cursor paging: the next page starts after the last artist of this one. `next` carries the cursor (null: the
    // end); an answer without `next` is paged by `cursors.after` alone. A cursor seen twice would loop forever.
    const after = artists.cursors?.after ?? null;
    if (artists.items.length === 0 || (after !== null && cursorsSeen.has(after))) break;
    if (after !== null) cursorsSeen.add(after);
    if (artists.next !== undefined) next = artists.next;
    else next = after === null ? null : `${first}&after=${encodeURIComponent(after)}`;
  }
  return unique(children);
}

async function myPlaylists(ctx: ResolveContext, signal?: AbortSignal): Promise<LibraryExpansion> {
  const me = await currentUserId(ctx, signal);
  const children: LibraryChild[] = [];
  const others: string[] = [];
  const first = `/me/playlists?limit=${ctx.pageLimits.limitFor("my-playlists")}`;
  for await (const page of followPages(ctx.transport, first, MyPlaylistsPageSchema, signal)) {
    for (const playlist of page.items) {
      // Feb 2026 rule: Spotify returns the tracks of a playlist only to its owner and its collaborators.
      if (playlist.owner?.id !== me && !playlist.collaborative) {
        others.push(playlist.name || playlist.id);
        continue;
      }
      children.push({ kind: "playlist", id: playlist.id, name: playlist.name });
      if (playlist.snapshot_id) ctx.listed.snapshots.set(playlist.id, playlist.snapshot_id);
    }
  }
  return { children: unique(children), warnings: others.length ? [skippedLine(others)] : [] };
}

/** The logged-in user's id: remembered with the login after the first ask, so a re-run sends no `GET /me`. */
async function currentUserId(ctx: ResolveContext, signal?: AbortSignal): Promise<string> {
  const known = ctx.tokens.userId?.();
  if (known) return known;
  const { id } = await ctx.transport.get("/me", CurrentUserSchema, signal);
  ctx.tokens.rememberUserId?.(id);
  return id;
}

function skippedLine(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((name) => `"${name}"`);
  const more = names.length > shown.length ? ` and ${names.length - shown.length} more` : "";
  return (
    `skipped ${names.length} playlist${names.length > 1 ? "s" : ""} you follow but neither own nor collaborate on ` +
    `(${shown.join(", ")}${more}): since Feb 2026 Spotify gives their tracks only to their owner and collaborators. ` +
    "Save a copy to your account to download one."
  );
}

function unique(children: LibraryChild[]): LibraryChild[] {
  const seen = new Set<string>();
  return children.filter((child) => !seen.has(child.id) && Boolean(seen.add(child.id)));
}
