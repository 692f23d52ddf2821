import { expect, test } from "bun:test";
import { parseScopeList, scopesForSources } from "../../plugins/spotify/scopes.ts";

test("each source asks for its own read permission only; albums, artists and tracks need none", () => {
  expect(
    scopesForSources(["https://open.spotify.com/album/0PaperBoatsAlbum000001", "spotify:track:0LanternsTrack00000001"]),
  ).toEqual([]);
  expect(scopesForSources(["followed-artists"])).toEqual(["user-follow-read"]);
  expect(
    scopesForSources(["saved", "saved-albums", "https://open.spotify.com/playlist/0RoadTripPlaylist00001"]),
  ).toEqual(["user-library-read", "playlist-read-private", "playlist-read-collaborative"]);
});

test("--scope takes commas or spaces and sets apart what is not a permission musicdl uses", () => {
  expect(parseScopeList("user-follow-read, playlist-read-private user-read-email")).toEqual({
    scopes: ["user-follow-read", "playlist-read-private"],
    unknown: ["user-read-email"],
  });
});
