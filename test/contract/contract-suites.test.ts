/** The tagger and source suites run on small honest plugins, so the suites themselves are known to work. */
import { rename } from "node:fs/promises";
import type { SourcePlugin, TaggerPlugin, TrackMeta } from "../../src/plugins/api.ts";
import { describeSourceContract } from "../../contract/source-contract.ts";
import { describeTaggerContract } from "../../contract/tagger-contract.ts";
import { makeTrack } from "../helpers/track-meta.ts";

/** Writes Vorbis comments by remuxing with ffmpeg; what a minimal flac/ogg tagger could be. */
const ffmpegTagger: TaggerPlugin = {
  apiVersion: 1,
  kind: "tagger",
  name: "ffmpeg-tags",
  formats: ["flac", "ogg"],
  async write(file, tags, opts) {
    opts.signal?.throwIfAborted();
    const out = `${file}.tagging${file.slice(file.lastIndexOf("."))}`;
    const metadata = { title: tags.title, artist: tags.artists.join(", "), album: tags.album, date: tags.date };
    const args = Object.entries(metadata).flatMap(([key, value]) => ["-metadata", `${key}=${value}`]);
    const proc = Bun.spawn(["ffmpeg", "-v", "error", "-y", "-i", file, "-map", "0", "-c", "copy", ...args, out], {
      stderr: "pipe",
    });
    if ((await proc.exited) !== 0) throw new Error(await new Response(proc.stderr).text());
    await rename(out, file);
  },
};

// A source of its own: no Spotify id anywhere.
const track: TrackMeta = makeTrack({
  source: "demo-source",
  id: "id1",
  title: "Song",
  artists: ["Band"],
  trackNumber: 1,
  durationMs: 1000,
  album: {
    id: "al",
    name: "Album",
    artists: ["Band"],
    releaseDate: "2001",
    releaseDatePrecision: "year",
    totalTracks: 1,
    images: [],
  },
});

const demoSource: SourcePlugin = {
  apiVersion: 1,
  kind: "source",
  name: "demo-source",
  match: (input) => {
    const found = /^demo:(album|playlist):(\w+)$/.exec(input.trim());
    return found ? { kind: found[1]!, id: found[2]!, input } : null;
  },
  async resolve(ref, opts) {
    opts.signal?.throwIfAborted();
    return { kind: ref.kind, id: ref.id, name: "Demo", tracks: [track], warnings: [] };
  },
};

describeTaggerContract("ffmpeg remux tagger", () => ffmpegTagger);
describeSourceContract("demo source", () => demoSource, {
  recognises: [
    { input: "demo:album:abc", kind: "album", id: "abc" },
    { input: "demo:playlist:x1", kind: "playlist", id: "x1" },
  ],
  foreign: ["https://open.spotify.com/track/1RKbVxcm267VdsIzqY7msi", "demo:artist:abc"],
  resolveInput: "demo:album:abc",
});
