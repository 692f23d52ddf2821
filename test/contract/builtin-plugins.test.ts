/**
 * Every built-in plugin passes its kind's contract suite, loaded as the core loads it (the generated builtin.ts):
 * the YouTube providers against the fake YouTube, the taggers on ffmpeg-made files of each of their formats.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  LyricsPlugin,
  Plugin,
  ProviderPlugin,
  SourcePlugin,
  TaggerPlugin,
  TrackMeta,
} from "../../src/plugins/api.ts";
import { builtinPlugins } from "../../src/plugins/builtin.ts";
import { createBasicHttpClient, createPluginContext, type PluginContextOptions } from "../../src/plugins/context.ts";
import { instantiatePlugin } from "../../src/plugins/instantiate.ts";
import { createSmallCatalog, type FakeSpotify, SMALL, startFakeSpotify } from "../../fakes/spotify/index.ts";
import { testSettings } from "../helpers/spotify.ts";
import { youtubeCatalogFor } from "../../fakes/world.ts";
import { type FakeYouTube, startFakeYouTube } from "../../fakes/youtube/index.ts";
import { FFMPEG } from "../helpers/make-tone.ts";
import { makeAlbum, makeTrack } from "../helpers/track-meta.ts";
import { recordsFor, startFakeLrclib, type FakeLrclib } from "../../fakes/lrclib/index.ts";
import { useYouTubeOrigin } from "../helpers/youtube.ts";
import { describeLyricsContract } from "../../contract/lyrics-contract.ts";
import { describeProviderContract } from "../../contract/provider-contract.ts";
import { describeSourceContract } from "../../contract/source-contract.ts";
import { describeTaggerContract } from "../../contract/tagger-contract.ts";

// ffmpeg and ffprobe run per format; on a busy 2-core machine that can exceed bun's 5 s default.
setDefaultTimeout(30_000);

const dirs = mkdtempSync(join(tmpdir(), "musicdl-builtin-contract-"));
let youtube: FakeYouTube;
// The small catalog's tracks on a fake LRCLIB: synced lyrics for most, one instrumental, "Tide Tables" absent.
const lrclib: FakeLrclib = startFakeLrclib(
  recordsFor(createSmallCatalog(), (track) =>
    track.name === "Tide Tables" ? "none" : track.name === "Undertow" ? "instrumental" : "synced",
  ),
);
beforeAll(async () => {
  // The world's YouTube: for each track of the small Spotify catalog its song plus live and karaoke decoys.
  youtube = await startFakeYouTube({ catalog: youtubeCatalogFor(createSmallCatalog(), { audioSeconds: 2 }) });
});
afterAll(async () => {
  await Promise.all([youtube.stop(), lrclib.stop()]);
  rmSync(dirs, { recursive: true, force: true });
});

/** Loads a built-in exactly as the core does: its lazy import, the factory with a real context, validation. */
async function loadBuiltin(name: string, extra: Partial<PluginContextOptions> = {}): Promise<Plugin> {
  const builtin = builtinPlugins.find((entry) => entry.name === name);
  if (!builtin) throw new Error(`no built-in called ${name}`);
  const result = await instantiatePlugin({ name, origin: "built-in", load: () => builtin.load() }, (pluginName) =>
    createPluginContext({
      name: pluginName,
      options: undefined,
      http: createBasicHttpClient(),
      dirs: { cache: dirs, temp: dirs },
      ffmpegPath: FFMPEG,
      version: "0.0.0-test",
      builtin: true,
      ...extra,
    }),
  );
  if (!result.ok) throw new Error(`built-in ${name}: ${result.message}`);
  return result.plugin;
}

// "Tide Tables" by Harbor Lights, as the fake YouTube holds it (song, live decoy, karaoke decoy).
const tideTables: TrackMeta = makeTrack({
  id: "0TideTablesTrack000001",
  title: "Tide Tables",
  artists: ["Harbor Lights"],
  durationMs: 202_000,
});

// "Undertow" (an instrumental on the fake LRCLIB) and "Duet (Live)" (synced lyrics), as the small catalog has them.
const SMALL_INSTRUMENTAL = makeTrack({
  id: "u",
  title: "Undertow",
  artists: ["Harbor Lights"],
  durationMs: 201_000,
  album: makeAlbum({ name: "Paper Boats" }),
});
const SMALL_TRACK_WITH_LYRICS = makeTrack({
  id: "d",
  title: "Duet (Live)",
  artists: ["Mira Vale", "Harbor Lights"],
  durationMs: 201_000,
  album: makeAlbum({ name: "Mira Vale Live" }),
});

/** The track each built-in provider must find; a new built-in provider needs an entry (and a fake) here. */
const PROVIDER_FIXTURES: Record<string, TrackMeta> = { "youtube-music": tideTables, youtube: tideTables };
const TAGGERS = ["id3", "mp4-tags", "vorbis-tags"];

for (const [name, track] of Object.entries(PROVIDER_FIXTURES)) {
  describeProviderContract(
    `built-in ${name} (fake YouTube)`,
    async () => {
      // The providers read MUSICDL_YOUTUBE_ORIGIN once, when created.
      using _origin = useYouTubeOrigin(youtube.origin);
      return (await loadBuiltin(name)) as ProviderPlugin;
    },
    { track },
  );
}

describeLyricsContract(
  "built-in lrclib (fake LRCLIB)",
  async () => {
    // lrclib reads MUSICDL_LRCLIB_URL once, when created.
    const previous = process.env.MUSICDL_LRCLIB_URL;
    process.env.MUSICDL_LRCLIB_URL = lrclib.url;
    try {
      return (await loadBuiltin("lrclib")) as LyricsPlugin;
    } finally {
      if (previous === undefined) delete process.env.MUSICDL_LRCLIB_URL;
      else process.env.MUSICDL_LRCLIB_URL = previous;
    }
  },
  { found: SMALL_TRACK_WITH_LYRICS, missing: tideTables, instrumental: SMALL_INSTRUMENTAL },
);

for (const name of TAGGERS) {
  describeTaggerContract(`built-in ${name}`, async () => (await loadBuiltin(name)) as TaggerPlugin);
}

const spotify: FakeSpotify = startFakeSpotify();
afterAll(() => spotify.stop());

describeSourceContract(
  "built-in spotify (fake Spotify)",
  async () => {
    // The source reads where Spotify is once, when created.
    const previous = [process.env.MUSICDL_SPOTIFY_API_URL, process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL];
    process.env.MUSICDL_SPOTIFY_API_URL = spotify.apiUrl;
    process.env.MUSICDL_SPOTIFY_ACCOUNTS_URL = spotify.accountsUrl;
    try {
      return (await loadBuiltin("spotify", {
        settings: testSettings(),
        credentials: { clientId: spotify.clientId, clientSecret: spotify.clientSecret },
        env: { XDG_CONFIG_HOME: dirs },
      })) as SourcePlugin;
    } finally {
      for (const [key, value] of [
        ["MUSICDL_SPOTIFY_API_URL", previous[0]],
        ["MUSICDL_SPOTIFY_ACCOUNTS_URL", previous[1]],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  },
  {
    recognises: [
      {
        input: `https://open.spotify.com/track/${SMALL.trackIds.lanterns}`,
        kind: "track",
        id: SMALL.trackIds.lanterns,
      },
      { input: `spotify:album:${SMALL.albumId}`, kind: "album", id: SMALL.albumId },
      {
        input: `https://open.spotify.com/intl-de/playlist/${SMALL.playlistId}?si=abc`,
        kind: "playlist",
        id: SMALL.playlistId,
      },
    ],
    foreign: ["https://music.youtube.com/watch?v=dQw4w9WgXcQ", "Rush - YYZ", "https://open.spotify.com/episode/x"],
    resolveInput: `https://open.spotify.com/album/${SMALL.albumId}`,
  },
);

test("every built-in runs its kind's contract suite above", async () => {
  const kinds = await Promise.all(
    builtinPlugins.map(async (builtin) => [builtin.name, (await loadBuiltin(builtin.name)).kind] as const),
  );
  expect(Object.fromEntries(kinds)).toEqual({
    ...Object.fromEntries(Object.keys(PROVIDER_FIXTURES).map((name) => [name, "provider"])),
    ...Object.fromEntries(TAGGERS.map((name) => [name, "tagger"])),
    lrclib: "lyrics",
    spotify: "source",
  });
});
