/**
 * The tools people point at a music folder read what musicdl wrote. One library per format is downloaded from the
 * fakes by the spawned CLI (several artists on a track, non-Latin names, a 2-disc album reached only through a
 * playlist, a 1-disc album listed as an album), then read back by mutagen (Picard's library), beets, Music Player
 * Daemon and ffprobe. Each reader must show the title, the artist display string (and the ARTISTS list where it
 * has one), album, album artist, track n/N, disc n/N or n alone when the disc count is unknown, date, ISRC and the
 * cover; mpd must load every M3U with every entry found, and list `.m3u` playlists by name.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type FakeWorld, startFakeWorld } from "../../fakes/world.ts";
import { readWithBeets } from "./_real-clients/beets.ts";
import { createRealClientsCatalog, EXPECTED, type ExpectedTrack, RELEASE, ROAD_TRIP } from "./_real-clients/catalog.ts";
import { downloadLibrary } from "./_real-clients/download-library.ts";
import { readWithFfprobe } from "./_real-clients/ffprobe.ts";
import { type Mpd, startMpd } from "./_real-clients/mpd.ts";
import { type MutagenReading, readWithMutagen } from "./_real-clients/mutagen.ts";
import type { Reading } from "./_real-clients/reading.ts";
import { createTempDir } from "../helpers/temp-dir.ts";

const FORMATS = ["mp3", "m4a", "opus", "ogg", "flac", "wav"] as const;
type Format = (typeof FORMATS)[number];
/** mpd lists only `.m3u` files of its playlist_directory by name: these libraries are written the way mpd users set it. */
const PLAIN_M3U: ReadonlySet<Format> = new Set(["mp3", "wav"]);

// Six spawned downloads with real ffmpeg, then four readers, on a busy 2-core machine.
setDefaultTimeout(120_000);

const dir = createTempDir("musicdl-real-clients-");
const music = join(dir.path, "music");
const libraryOf = (format: Format) => join(music, format);
let world: FakeWorld;
let mpd: Mpd;
/** A second mpd whose music and playlist folder is the mp3 library itself, as the docs tell mpd users to set it. */
let mpdPlaylists: Mpd;
const files = new Map<Format, Map<string, string>>();
let mutagen: Map<string, MutagenReading>;
let beets: Map<string, Reading>;
const ffprobe = new Map<string, Reading>();

beforeAll(async () => {
  world = await startFakeWorld({ catalog: createRealClientsCatalog(), audioSeconds: 2, decoys: false });
  await Promise.all(
    FORMATS.map(async (format) => {
      const m3uExtension = PLAIN_M3U.has(format) ? "m3u" : "m3u8";
      const library = libraryOf(format);
      files.set(format, await downloadLibrary({ world, format, m3uExtension, library, work: dir.path }));
    }),
  );
  const allFiles = [...files.values()].flatMap((byTitle) => [...byTitle.values()]);
  [mutagen, beets, mpd, mpdPlaylists] = await Promise.all([
    readWithMutagen(allFiles),
    readWithBeets(music, join(dir.path, "beets-home")),
    startMpd({ musicDir: music, playlistDir: join(dir.path, "no-playlists"), stateDir: join(dir.path, "mpd") }),
    startMpd({ musicDir: libraryOf("mp3"), playlistDir: libraryOf("mp3"), stateDir: join(dir.path, "mpd-mp3") }),
  ]);
  await Promise.all([mpd.mpc("update", "--wait"), mpdPlaylists.mpc("update", "--wait")]);
  for (const file of allFiles) ffprobe.set(file, await readWithFfprobe(file));
});
afterAll(async () => {
  await Promise.all([mpd?.stop(), mpdPlaylists?.stop()]);
  await world?.stop();
  dir[Symbol.dispose]();
});

const display = (names: readonly string[]) => names.join(", ");
const trackPair = (track: ExpectedTrack) =>
  track.trackTotal ? `${track.track}/${track.trackTotal}` : `${track.track}`;
const discPair = (track: ExpectedTrack) => (track.discTotal ? `${track.disc}/${track.discTotal}` : `${track.disc}`);

/** The fields every reader has, in one object so a failure shows all differences at once. */
function common(reading: Reading) {
  return {
    title: reading.title,
    artist: reading.artist,
    album: reading.album,
    albumArtist: reading.albumArtist,
    track: reading.track,
    disc: reading.disc,
  };
}
function expectedCommon(track: ExpectedTrack) {
  return {
    title: track.title,
    artist: display(track.artists),
    album: track.album,
    albumArtist: display(track.albumArtists),
    track: trackPair(track),
    disc: discPair(track),
  };
}

function fileOf(format: Format, track: ExpectedTrack): string {
  const file = files.get(format)?.get(track.title);
  if (!file) throw new Error(`${format}: no file for "${track.title}" in ${libraryOf(format)}`);
  return file;
}

describe.each(FORMATS)("%s", (format) => {
  test("downloads every track of the playlist and the album", () => {
    expect([...files.get(format)!.keys()].sort()).toEqual(EXPECTED.map((track) => track.title).sort());
  });

  test("mutagen reads Picard's fields: display artist, ARTISTS list, totals, date, ISRC, media, cover", () => {
    for (const track of EXPECTED) {
      const reading = mutagen.get(fileOf(format, track))!;
      expect({
        ...common(reading),
        artistValues: reading.artistValues,
        artists: reading.artists,
        albumArtists: reading.albumArtists,
        date: reading.date,
        isrc: reading.isrc,
        media: reading.media,
        covers: reading.covers,
      }).toEqual({
        ...expectedCommon(track),
        artistValues: [display(track.artists)],
        artists: track.artists,
        albumArtists: track.albumArtists,
        date: RELEASE,
        isrc: track.isrc,
        media: ["Digital Media"],
        covers: 1,
      });
      // ID3v2.4 text in UTF-8 only (encoding 3): libid3tag and others misread UTF-16 multi-values.
      if (reading.id3) expect(reading.id3).toEqual({ version: [2, 4, 0], encodings: [3] });
    }
  });

  test("beets imports every field and sees the embedded cover", () => {
    for (const track of EXPECTED) {
      const reading = beets.get(fileOf(format, track));
      expect(reading).toBeDefined();
      expect({ ...common(reading!), date: reading!.date, isrc: reading!.isrc, covers: reading!.covers }).toEqual({
        ...expectedCommon(track),
        date: RELEASE,
        isrc: track.isrc,
        covers: 1,
      });
    }
  });

  test("ffprobe reads every field and the cover", () => {
    for (const track of EXPECTED) {
      const reading = ffprobe.get(fileOf(format, track))!;
      expect({ ...common(reading), date: reading.date, isrc: reading.isrc, covers: reading.covers }).toEqual({
        ...expectedCommon(track),
        date: RELEASE,
        isrc: track.isrc,
        covers: 1,
      });
    }
  });

  test("mpd indexes every field and finds the cover", async () => {
    const songs = await mpd.songs();
    for (const track of EXPECTED) {
      const path = relative(music, fileOf(format, track));
      const reading = songs.get(path);
      expect(reading).toBeDefined();
      // mpd keeps the number as the file stores it: `1/3` from ID3's TRCK, `1` from Vorbis' TRACKNUMBER.
      const [trackNumber, trackTotal] = reading!.track.split("/");
      const [discNumber, discTotal] = reading!.disc.split("/");
      expect({ ...common(reading!), date: reading!.date }).toMatchObject({
        ...expectedCommon(track),
        track: reading!.track,
        disc: reading!.disc,
        date: RELEASE,
      });
      expect(Number(trackNumber)).toBe(track.track);
      if (trackTotal !== undefined) expect(Number(trackTotal)).toBe(track.trackTotal!);
      expect(Number(discNumber)).toBe(track.disc);
      if (discTotal !== undefined) expect(Number(discTotal)).toBe(track.discTotal!);
      // mpc shows a tag's first value only; every value mpd stored must read right (no UTF-16 mojibake).
      expect(await mpd.tagValues(path, "Artist")).toEqual([display(track.artists)]);
      expect(await mpd.tagValues(path, "AlbumArtist")).toEqual([display(track.albumArtists)]);
      expect(await mpd.pictureSize(path)).toBeGreaterThan(0);
    }
  });

  test("mpd loads every M3U of the library with every entry found", async () => {
    const extension = PLAIN_M3U.has(format) ? "m3u" : "m3u8";
    const playlists = readdirSync(libraryOf(format)).filter((name) => name.endsWith(`.${extension}`));
    expect(playlists.sort()).toEqual([`${ROAD_TRIP.name}.${extension}`, `Ångström Sessions.${extension}`].sort());
    for (const playlist of playlists) {
      const entries = readFileSync(join(libraryOf(format), playlist), "utf8")
        .split("\n")
        .filter((line) => line !== "" && !line.startsWith("#"));
      await mpd.mpc("clear");
      await mpd.mpc("load", `${format}/${playlist}`);
      const queue = (await mpd.mpc("-f", "%file%\\t%title%", "playlist")).split("\n").filter(Boolean);
      expect(queue.map((line) => line.split("\t")[0])).toEqual(entries.map((entry) => `${format}/${entry}`));
      for (const line of queue) expect(line.split("\t")[1]).not.toBe("");
    }
  });
});

test("mpd lists `.m3u` playlists by name when its playlist_directory is the library", async () => {
  const names = (await mpdPlaylists.mpc("lsplaylists")).split("\n").filter(Boolean).sort();
  // Stored playlists by name; the same files also show as `Road Trip.m3u`, from the music directory.
  expect(names).toEqual(expect.arrayContaining([ROAD_TRIP.name, "Ångström Sessions"]));
  const titles = (await mpdPlaylists.mpc("-f", "%title%", "playlist", ROAD_TRIP.name)).split("\n").filter(Boolean);
  const titleOf = (id: string) => createRealClientsCatalog().tracks.get(id)!.name;
  expect(titles).toEqual(ROAD_TRIP.trackIds.map(titleOf));
});
