/** Migration 5 on a hand-filled schema-4 store: every Spotify id key and stored track takes its `spotify:` form. */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { openStore } from "../../src/store/index.ts";
import { createStoreAtSchema } from "../helpers/old-schema-store.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const URL_OF = (id: string) => `https://open.spotify.com/track/${id}`;
/** A track as musicdl stored it before (schema 4). */
const oldTrack = (id: string) => ({
  spotifyId: id,
  title: `Song ${id}`,
  artists: ["Rush"],
  album: { id: "al", name: "Album", type: "album", artists: ["Rush"], releaseDate: "1981", totalTracks: 2 },
  discNumber: 1,
  trackNumber: 1,
  durationMs: 1000,
  explicit: false,
  spotifyUrl: URL_OF(id),
});
const newTrack = (id: string) => {
  const { spotifyId: _id, spotifyUrl: _url, ...rest } = oldTrack(id);
  return { source: "spotify", id, ...rest, url: URL_OF(id), tags: { SPOTIFY_ID: id, SPOTIFY_URL: URL_OF(id) } };
};

test("plan items, caches, pins and indexes written by schema 4 are found under their track keys", () => {
  using dir = createTempDir();
  const path = join(dir.path, "musicdl.sqlite");
  const old = createStoreAtSchema(path, 4);
  const trackItem = { id: "track:a", kind: "track", status: "done", attempts: 1, target: "/m/a.mp3", sources: [] };
  const m3uItem = { id: "m3u:playlists:p", kind: "m3u", status: "done", attempts: 0, title: "P", target: "/m/P.m3u8" };
  old.run("INSERT INTO plans VALUES ('/m', 1)");
  const insertItem = old.query("INSERT INTO plan_items VALUES ('/m', ?, ?, 'done', ?)");
  insertItem.run("track:a", 0, JSON.stringify({ ...trackItem, track: oldTrack("a") }));
  insertItem.run("m3u:playlists:p", 1, JSON.stringify({ ...m3uItem, sources: [], entries: ["track:a", "track:b"] }));
  const cached = { kind: "album", id: "al", name: "Album", tracks: [oldTrack("a"), oldTrack("b")], warnings: [] };
  old.query("INSERT INTO spotify_cache VALUES ('spotify:album:al', ?, NULL, 1)").run(JSON.stringify(cached));
  old.run("INSERT INTO spotify_cache VALUES ('spotify:text-query:a', '{\"trackId\":\"a\"}', NULL, 1)");
  old.run("INSERT INTO search_cache VALUES ('youtube-music' || char(9) || 'a', '[]', NULL, 1)");
  old.run("INSERT INTO lyrics_cache VALUES ('lrclib' || char(9) || 'a', '{\"instrumental\":true}', NULL, 1)");
  old.run("INSERT INTO library_files VALUES ('/m', 'a', NULL, '/m/a.mp3', 'mp3', 3, 1, 'h', 1, NULL)");
  old.run("INSERT INTO library_lyrics VALUES ('/m', 'a', 'instrumental', 'both', NULL, NULL, NULL, 1)");
  old.run("INSERT INTO pins VALUES ('a', 'skip', 1)");
  old.close();

  const store = openStore(path);
  try {
    expect(store.plans.loadPlan("/m") as unknown).toEqual([
      { ...trackItem, id: "track:spotify:a", track: newTrack("a") },
      { ...m3uItem, id: "m3u:playlists:p", sources: [], entries: ["track:spotify:a", "track:spotify:b"] },
    ]);
    expect(store.plugins.forPlugin("spotify").get("spotify:album:al")).toEqual({
      ...cached,
      tracks: [newTrack("a"), newTrack("b")],
    });
    expect(store.plugins.forPlugin("spotify").get("spotify:text-query:a")).toEqual({ trackId: "a" });
    expect(store.search.get("youtube-music", "spotify:a")).toEqual([]);
    expect(store.lyrics.get("lrclib", "spotify:a")).toEqual({ instrumental: true });
    expect(store.library("/m").get("spotify:a")?.path).toBe("/m/a.mp3");
    expect(store.lyricsIndex("/m").get("spotify:a")?.answer).toBe("instrumental");
    expect(store.pins.all()).toEqual({ "spotify:a": "skip" });
  } finally {
    store.close();
  }
});
