/** The config's link checks know no site: what a link is comes from the loaded sources (`refuse`, `match`, `links`). */
import { expect, test } from "bun:test";
import { checkLink, NO_LINK_SOURCES } from "../../src/config/source-links.ts";
import type { SourcePlugin } from "../../src/plugins/api.ts";
import { linkSourcesOf } from "../../src/plugins/link-sources.ts";
import { spotifyLinks } from "../helpers/link-sources.ts";

/** A third-party source for bandcamp.com: albums and tracks, and a word of its own, `wishlist`, read from `songs:`. */
const bandcamp: SourcePlugin = {
  apiVersion: 1,
  kind: "source",
  name: "bandcamp",
  links: { label: "Bandcamp", example: (kind) => `https://<artist>.bandcamp.com/${kind}/<name>` },
  match(input) {
    if (input === "wishlist") return { kind: "wishlist", id: "", input, list: "songs" };
    const found = /^https:\/\/([a-z0-9-]+)\.bandcamp\.com\/(album|track)\/([a-z0-9-]+)$/.exec(input);
    return found ? { kind: found[2]!, id: `${found[1]}/${found[3]}`, input } : null;
  },
  refuse(input, list) {
    if (input === "wishlist" && list && list !== "songs") return "`wishlist` is read from `songs:`. Move it there.";
    return /bandcamp\.com/.test(input) && !this.match(input)
      ? `cannot read ${input}: not an album or track page`
      : null;
  },
  resolve: () => Promise.reject(new Error("not resolved here")),
};

test("with only a third-party source loaded, its links, refusals and examples are the ones the config speaks of", () => {
  const sources = linkSourcesOf([bandcamp]);
  expect(checkLink("https://band.bandcamp.com/album/first-light", "albums", sources)).toEqual({
    ok: true,
    section: "albums",
    identity: "album:band/first-light",
  });
  expect(checkLink("https://band.bandcamp.com/album/first-light", "songs", sources)).toEqual({
    ok: false,
    message: "this is an album link, not a song. Move it under `albums:` or use a track URL.",
  });
  expect(checkLink("https://band.bandcamp.com/merch", "albums", sources)).toEqual({
    ok: false,
    message: "cannot read https://band.bandcamp.com/merch: not an album or track page",
  });
  expect(checkLink("wishlist", "songs", sources)).toEqual({ ok: true, section: "songs", identity: "wishlist" });
  expect(messageOf(checkLink("wishlist", "albums", sources))).toBe("`wishlist` is read from `songs:`. Move it there.");
  expect(messageOf(checkLink("https://open.spotify.com/album/4wtZQMNTC1O79kDxMBsEan", "albums", sources))).toMatch(
    /is not a Bandcamp link; expected https:\/\/<artist>\.bandcamp\.com\/album\/<name>/,
  );
});

test("sources are asked in load order: the built-in Spotify source first, a third-party one for its own links", () => {
  const both = linkSourcesOf([...spotifyLinksSource(), bandcamp]);
  expect(both.match("spotify:album:4wtZQMNTC1O79kDxMBsEan")?.source).toBe("spotify");
  expect(both.match("https://band.bandcamp.com/track/ember")?.source).toBe("bandcamp");
  expect(messageOf(checkLink("https://example.com/x", "albums", both))).toMatch(/is not a Spotify link/);
});

test("with no source at all, plain text is still a search and any link is unknown", () => {
  expect(checkLink("Rush - YYZ", "songs", NO_LINK_SOURCES)).toMatchObject({ ok: true, section: "songs" });
  const unknown = checkLink("https://open.spotify.com/album/4wtZQMNTC1O79kDxMBsEan", "albums", NO_LINK_SOURCES);
  expect(messageOf(unknown)).toMatch(/is not a link any loaded source plugin recognises/);
});

function messageOf(check: ReturnType<typeof checkLink>): string {
  return check.ok ? "(accepted)" : check.message;
}

/** The built-in source as a plugin object, through the helper's link sources (first in load order). */
function spotifyLinksSource(): SourcePlugin[] {
  return [
    {
      apiVersion: 1,
      kind: "source",
      name: "spotify",
      match: (input) => spotifyLinks.match(input)?.ref ?? null,
      refuse: (input, list) => spotifyLinks.refuse(input, list),
      ...(spotifyLinks.links ? { links: spotifyLinks.links } : {}),
      resolve: () => Promise.reject(new Error("not resolved here")),
    },
  ];
}
