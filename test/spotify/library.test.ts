import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { EXIT } from "../../src/errors.ts";
import { readAuthFile, writeAuthFile } from "../../plugins/spotify/auth-file.ts";
import { createCatalog, editPlaylist, type FakeSpotify, SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { createLibraryCatalog, LIBRARY } from "../../fakes/spotify/library-catalog.ts";
import { clientFor, disposable, loginAgainstFake } from "../helpers/spotify.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const ALL_SCOPES = ["user-library-read", "user-follow-read", "playlist-read-private", "playlist-read-collaborative"];

const paths = (fake: FakeSpotify, from = 0) =>
  fake
    .apiRequests()
    .slice(from)
    .map((request) => `${request.path.slice(3)}${request.query.after ? `?after=${request.query.after}` : ""}`);

describe("followed-artists (cursor paging)", () => {
  test("reads every page by its `after` cursor, never by offset, and lists each artist once in the user's order", async () => {
    using dir = createTempDir();
    const catalog = createCatalog({ seed: 7, artists: [{}, {}, {}, {}, {}] });
    catalog.followedArtistIds = [...catalog.mainArtistIds];
    await using fake = disposable(startFakeSpotify({ catalog, switches: { pageCaps: { followedArtists: 2 } } }));
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ALL_SCOPES);
    const client = clientFor(fake, { authFile });
    const { children } = await client.expand("followed-artists");
    expect(children.map((child) => child.id)).toEqual(catalog.mainArtistIds);
    expect(children.every((child) => child.kind === "artist")).toBe(true);
    const pages = fake.apiRequests().filter((request) => request.path === "/v1/me/following");
    expect(pages.map((page) => page.query.after ?? null)).toEqual([
      null,
      catalog.mainArtistIds[1]!,
      catalog.mainArtistIds[3]!,
    ]);
    expect(pages.every((page) => page.query.offset === undefined && page.query.type === "artist")).toBe(true);
  });

  test("an answer with only `cursors.after` (no `next` link) is paged by the cursor to the end", async () => {
    using dir = createTempDir();
    const catalog = createCatalog({ seed: 8, artists: [{}, {}, {}] });
    catalog.followedArtistIds = [...catalog.mainArtistIds];
    await using fake = disposable(
      startFakeSpotify({ catalog, switches: { pageCaps: { followedArtists: 2 }, followedNextLinks: false } }),
    );
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ALL_SCOPES);
    const { children } = await clientFor(fake, { authFile }).expand("followed-artists");
    expect(children.map((child) => child.id)).toEqual(catalog.mainArtistIds);
    const pages = fake.apiRequests().filter((request) => request.path === "/v1/me/following");
    expect(pages.map((page) => page.query.after ?? null)).toEqual([null, catalog.mainArtistIds[1]!]);
  });
});

describe("saved-albums (offset paging)", () => {
  test("lists every page, and resolving the albums sends no GET /albums/{id}: the list already carried them", async () => {
    using dir = createTempDir();
    await using fake = disposable(
      startFakeSpotify({ catalog: createLibraryCatalog(), switches: { pageCaps: { savedAlbums: 1 } } }),
    );
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ALL_SCOPES);
    const client = clientFor(fake, { authFile });
    const { children } = await client.expand("saved-albums");
    expect(children.map((child) => child.id)).toEqual([...LIBRARY.savedAlbumIds]);
    const albumPages = fake.apiRequests().filter((request) => request.path === "/v1/me/albums");
    expect(albumPages.map((page) => page.query.offset ?? "0")).toEqual(["0", "1"]);
    const from = fake.apiRequests().length;
    const album = await client.resolve({ kind: "album", id: SMALL.compilationId });
    expect(album.tracks.map((track) => [track.title, track.album.name])).toEqual([["Lanterns", "Coastal Hits"]]);
    expect(paths(fake, from).filter((path) => path.startsWith("/albums/"))).toEqual([]);
  });
});

describe("my-playlists", () => {
  test("keeps owned and collaborative playlists across pages, and names the followed one it skips, with why", async () => {
    using dir = createTempDir();
    await using fake = disposable(
      startFakeSpotify({
        catalog: createLibraryCatalog(),
        switches: { apiShape: "2026", playlistOwnership: "owned-only", pageCaps: { myPlaylists: 2 } },
      }),
    );
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ALL_SCOPES);
    const client = clientFor(fake, { authFile });
    const expansion = await client.expand("my-playlists");
    expect(expansion.children.map((child) => child.id)).toEqual([SMALL.playlistId, LIBRARY.collaborativePlaylistId]);
    expect(expansion.warnings).toHaveLength(1);
    expect(expansion.warnings[0]).toContain('"Not Mine"');
    expect(expansion.warnings[0]).toContain("neither own nor collaborate");
    expect(paths(fake)).toEqual(["/me", "/me/playlists", "/me/playlists"]);
    expect(readAuthFile(authFile)?.userId).toBe("fake_user_1");
  });

  test("an unchanged re-run costs one request per list page: the listed snapshot ids stand in for the probes", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify({ catalog: createLibraryCatalog() }));
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ALL_SCOPES);
    const first = clientFor(fake, { authFile });
    for (const child of (await first.expand("my-playlists")).children)
      await first.resolve({ kind: "playlist", id: child.id });
    const from = fake.apiRequests().length;
    const again = clientFor(fake, { authFile, cache: first.cache });
    const children = (await again.expand("my-playlists")).children;
    const resolved = await Promise.all(children.map((child) => again.resolve({ kind: "playlist", id: child.id })));
    expect(resolved.map((source) => source.tracks.length)).toEqual([3, 2]);
    expect(paths(fake, from)).toEqual(["/me/playlists"]);

    // An edited playlist is read anew straight away: its listed snapshot already says it changed, so no probe.
    editPlaylist(fake.catalog, SMALL.playlistId, [{ type: "track", trackId: SMALL.trackIds.undertow }]);
    const fromEdit = fake.apiRequests().length;
    const third = clientFor(fake, { authFile, cache: first.cache });
    for (const child of (await third.expand("my-playlists")).children) {
      const source = await third.resolve({ kind: "playlist", id: child.id });
      if (child.id === SMALL.playlistId) expect(source.tracks.map((track) => track.title)).toEqual(["Undertow"]);
    }
    expect(paths(fake, fromEdit)).toEqual(["/me/playlists", `/playlists/${SMALL.playlistId}`]);
  });
});

describe("null entries in the library lists", () => {
  test("a null entry, or a followed playlist with a null name and owner, is passed over; the rest of the list is read", async () => {
    using dir = createTempDir();
    await using fake = disposable(
      startFakeSpotify({
        catalog: createLibraryCatalog(),
        switches: { libraryGaps: true, pageCaps: { myPlaylists: 2 } },
      }),
    );
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ALL_SCOPES);
    const client = clientFor(fake, { authFile });
    const albums = await client.expand("saved-albums");
    expect(albums.children.map((child) => child.id)).toEqual([...LIBRARY.savedAlbumIds]);
    const artists = await client.expand("followed-artists");
    expect(artists.children.map((child) => child.id)).toEqual([...LIBRARY.followedArtistIds]);
    const playlists = await client.expand("my-playlists");
    expect(playlists.children.map((child) => child.id)).toEqual([SMALL.playlistId, LIBRARY.collaborativePlaylistId]);
    expect(playlists.warnings[0]).toContain('"37i9dQZF1DWTs4di2L4PuA"');
    const saved = await client.resolve({ kind: "saved", id: "" });
    expect(saved.tracks.length).toBe(fake.catalog.savedTrackIds.length);
  });
});

describe("scopes", () => {
  test("a login without user-follow-read stops followed-artists with one paragraph saying to log in again", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify({ catalog: createLibraryCatalog() }));
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ["user-library-read"]);
    const client = clientFor(fake, { authFile });
    const error = await client.expand("followed-artists").catch((e) => e);
    expect(error.exitCode).toBe(EXIT.RESUME_LATER);
    expect(error.message).toContain("user-follow-read");
    expect(error.hint).toContain("musicdl auth login");
    expect(fake.apiRequests()).toEqual([]);
    // Albums need only what the login has.
    expect((await client.expand("saved-albums")).children).toHaveLength(2);
  });

  test("an older login that did not record its scopes gets Spotify's 403 explained the same way", async () => {
    using dir = createTempDir();
    await using fake = disposable(startFakeSpotify({ catalog: createLibraryCatalog() }));
    const authFile = join(dir.path, "auth.json");
    await loginAgainstFake(fake, authFile, ["user-library-read"]);
    const { scope: _scope, ...withoutScope } = readAuthFile(authFile)!;
    writeAuthFile(authFile, withoutScope);
    const error = await clientFor(fake, { authFile })
      .expand("followed-artists")
      .catch((e) => e);
    expect(error.exitCode).toBe(EXIT.RESUME_LATER);
    expect(error.message).toContain("lacks a permission");
    expect(error.hint).toContain("musicdl auth login");
  });

  test("app credentials alone cannot read a library: the error says to log in", async () => {
    await using fake = disposable(startFakeSpotify({ catalog: createLibraryCatalog() }));
    const error = await clientFor(fake)
      .expand("my-playlists")
      .catch((e) => e);
    expect(error.message).toContain("needs a Spotify login");
    expect(error.hint).toContain("musicdl auth login");
  });
});
