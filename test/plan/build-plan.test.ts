import { describe, expect, test } from "bun:test";
import type { SourceEntry } from "../../src/config/types.ts";
import type { M3uPlanItem, TrackPlanItem } from "../../src/plan/model.ts";
import { buildPlan, type ResolvedEntry } from "../../src/plan/build-plan.ts";
import type { ResolvedSource, TrackMeta } from "../../src/plugins/api.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";

const albumVersion = makeTrack({ id: "albumTrack", title: "Song A", isrc: "USRC10000001" });
const singleVersion = makeTrack({
  id: "singleTrack",
  title: "Song A",
  isrc: "USRC10000001",
  album: makeAlbum({ id: "single", name: "Song A", type: "single", totalTracks: 1 }),
});
const other = makeTrack({ id: "otherTrack", title: "Song B", isrc: "USRC10000002" });
const third = makeTrack({ id: "thirdTrack", title: "Song C" });

function entry(section: SourceEntry["section"], url: string, createM3u = section === "playlists"): SourceEntry {
  return { section, url, createM3u };
}
function source(kind: string, id: string, tracks: TrackMeta[]): ResolvedSource {
  return { kind, id, name: `${kind} ${id}`, tracks, warnings: [] };
}
const options = {
  targetFor: (track: TrackMeta) => `/music/${track.title}.mp3`,
  m3uPathFor: (s: ResolvedSource) => `/music/${s.name}.m3u8`,
};
const tracksOf = (items: { kind: string }[]) => items.filter((i): i is TrackPlanItem => i.kind === "track");
const m3usOf = (items: { kind: string }[]) => items.filter((i): i is M3uPlanItem => i.kind === "m3u");

describe("buildPlan", () => {
  test.each([
    {
      name: "a playlist listed by its bare link fills {playlist} with Spotify's name",
      label: undefined,
      want: "playlist p1",
    },
    {
      name: "a playlist's name in the config wins over Spotify's for {playlist}",
      label: "Road trip",
      want: "Road trip",
    },
  ])("$name", ({ label, want }) => {
    const playlists: string[] = [];
    const plan = buildPlan(
      [
        {
          entry: { ...entry("playlists", "p1"), ...(label ? { name: label } : {}) },
          source: source("playlist", "p1", [other]),
        },
      ],
      {
        ...options,
        targetFor: (track: TrackMeta, context: { playlist?: string }) => {
          playlists.push(context.playlist ?? "(none)");
          return `/music/${context.playlist}/${track.title}.mp3`;
        },
      },
    );
    expect(playlists).toEqual([want]);
    expect(tracksOf(plan.items)[0]!.target).toBe(`/music/${want}/Song B.mp3`);
  });

  test("a track listed by two playlists becomes one item that names both sources", () => {
    const plan = buildPlan(
      [
        { entry: entry("playlists", "p1"), source: source("playlist", "p1", [albumVersion, other]) },
        { entry: entry("playlists", "p2"), source: source("playlist", "p2", [other, albumVersion]) },
      ],
      options,
    );
    const tracks = tracksOf(plan.items);
    expect(tracks.map((t) => t.id)).toEqual(["track:spotify:albumTrack", "track:spotify:otherTrack"]);
    expect(tracks[1]!.sources.map((s) => s.url)).toEqual(["p1", "p2"]);
    expect(plan.stats.duplicatesRemoved).toBe(2);
  });

  test("the same ISRC on a single and an album keeps the album version, and both M3Us list it in their order", () => {
    const resolved: ResolvedEntry[] = [
      { entry: entry("playlists", "p1"), source: source("playlist", "p1", [other, singleVersion]) },
      { entry: entry("albums", "a1", true), source: source("album", "a1", [albumVersion, third]) },
    ];
    const plan = buildPlan(resolved, options);
    expect(tracksOf(plan.items).map((t) => t.id)).toEqual([
      "track:spotify:otherTrack",
      "track:spotify:albumTrack",
      "track:spotify:thirdTrack",
    ]);
    const [playlistM3u, albumM3u] = m3usOf(plan.items);
    expect(playlistM3u!.entries).toEqual(["track:spotify:otherTrack", "track:spotify:albumTrack"]);
    expect(albumM3u!.entries).toEqual(["track:spotify:albumTrack", "track:spotify:thirdTrack"]);
    expect(plan.dependencies[playlistM3u!.id]).toEqual(["track:spotify:otherTrack", "track:spotify:albumTrack"]);
  });

  test("a single the user listed under songs: is kept over the album version", () => {
    const plan = buildPlan(
      [
        { entry: entry("albums", "a1"), source: source("album", "a1", [albumVersion]) },
        { entry: entry("songs", "s1"), source: source("track", "singleTrack", [singleVersion]) },
      ],
      options,
    );
    expect(tracksOf(plan.items).map((t) => t.id)).toEqual(["track:spotify:singleTrack"]);
  });

  test("tracks already present are skipped up front and counted", () => {
    const plan = buildPlan([{ entry: entry("albums", "a1"), source: source("album", "a1", [albumVersion, other]) }], {
      ...options,
      isPresent: (track) => track.id === "otherTrack",
    });
    const skipped = tracksOf(plan.items).find((t) => t.id === "track:spotify:otherTrack")!;
    expect(skipped.status).toBe("skipped");
    expect(plan.stats).toMatchObject({ tracks: 2, alreadyPresent: 1, toDownload: 1 });
  });

  test("albums write an M3U only with create_m3u: true; songs and artists never", () => {
    const plan = buildPlan(
      [
        { entry: entry("albums", "a1", false), source: source("album", "a1", [albumVersion]) },
        { entry: entry("artists", "r1", false), source: source("artist", "r1", [other]) },
        { entry: entry("playlists", "p1"), source: source("playlist", "p1", [third]) },
      ],
      options,
    );
    expect(m3usOf(plan.items).map((m) => m.id)).toEqual(["m3u:playlist:p1"]);
  });

  test("colliding targets are handed to the disambiguator", () => {
    const sameName = makeTrack({ id: "sameName", title: "Song A" });
    const plan = buildPlan(
      [{ entry: entry("albums", "a1"), source: source("album", "a1", [albumVersion, sameName]) }],
      {
        ...options,
        disambiguate: (items) => new Map(items.map((item, index) => [item.id, index ? `${item.path} (2)` : item.path])),
      },
    );
    expect(tracksOf(plan.items).map((t) => t.target)).toEqual(["/music/Song A.mp3", "/music/Song A.mp3 (2)"]);
  });
});
