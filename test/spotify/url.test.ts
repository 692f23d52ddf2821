import { describe, expect, test } from "bun:test";
import { parseSpotifyUrl } from "../../plugins/spotify/url.ts";

describe("parseSpotifyUrl", () => {
  test.each([
    {
      input: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi",
      want: { kind: "track", id: "1RKbVxcm267VdsIzqY7msi" },
    },
    {
      input: "https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi?si=abc123",
      want: { kind: "track", id: "1RKbVxcm267VdsIzqY7msi" },
    },
    {
      input: "https://open.spotify.com/intl-de/album/4wtZQMNTC1O79kDxMBsEan",
      want: { kind: "album", id: "4wtZQMNTC1O79kDxMBsEan" },
    },
    { input: "spotify:playlist:5Xrt7Y1mwD4q107Ty56xnn", want: { kind: "playlist", id: "5Xrt7Y1mwD4q107Ty56xnn" } },
    {
      input: "https://open.spotify.com/user/someone/playlist/5Xrt7Y1mwD4q107Ty56xnn",
      want: { kind: "playlist", id: "5Xrt7Y1mwD4q107Ty56xnn" },
    },
    {
      input: "https://open.spotify.com/artist/3zcOegUrWqti1S0lu4juJz",
      want: { kind: "artist", id: "3zcOegUrWqti1S0lu4juJz" },
    },
    { input: "saved", want: { kind: "saved", id: "" } },
    { input: "https://open.spotify.com/collection/tracks", want: { kind: "saved", id: "" } },
    { input: "https://www.youtube.com/watch?v=abc", want: null },
    { input: "https://open.spotify.com/track/short", want: null },
    { input: "https://open.spotify.com/episode/1RKbVxcm267VdsIzqY7msi", want: null },
    { input: "not a url", want: null },
  ])("$input", ({ input, want }) => expect(parseSpotifyUrl(input)).toEqual(want as never));
});
