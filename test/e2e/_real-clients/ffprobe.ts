/** Reads files with ffprobe: the container's and the audio stream's tags (Ogg keeps them on the stream). */
import { FFPROBE } from "../../helpers/make-tone.ts";
import { numberPair, type Reading, run } from "./reading.ts";

interface ProbeJson {
  format?: { tags?: Record<string, string> };
  streams?: { codec_type: string; disposition?: { attached_pic?: number }; tags?: Record<string, string> }[];
}

/** Keys lower-cased without separators: ffmpeg says `album_artist` for some formats and `ALBUMARTIST` for others. */
function normalised(tags: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(tags ?? {}).map(([key, value]) => [key.toLowerCase().replace(/[^a-z]/g, ""), value]));
}

export async function readWithFfprobe(file: string): Promise<Reading> {
  const out = await run([
    FFPROBE,
    "-v",
    "error",
    "-show_entries",
    "format_tags:stream=codec_type:stream_tags:stream_disposition=attached_pic",
    "-of",
    "json",
    file,
  ]);
  const json = JSON.parse(out) as ProbeJson;
  const streams = json.streams ?? [];
  const audio = streams.find((stream) => stream.codec_type === "audio");
  const tags = new Map([...normalised(audio?.tags), ...normalised(json.format?.tags)]);
  const get = (...keys: string[]) => keys.map((key) => tags.get(key)).find((value) => value !== undefined) ?? "";
  const [track = "", trackTotal] = get("track").split("/");
  const [disc = "", discTotal] = get("disc").split("/");
  return {
    title: get("title"),
    artist: get("artist"),
    album: get("album"),
    albumArtist: get("albumartist"),
    track: numberPair(track, trackTotal ?? get("tracktotal", "totaltracks")),
    disc: numberPair(disc, discTotal ?? get("disctotal", "totaldiscs")),
    date: get("date"),
    isrc: get("isrc", "tsrc"),
    covers: streams.filter((stream) => stream.disposition?.attached_pic === 1).length,
  };
}
