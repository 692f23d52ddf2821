/** The fake YouTube's catalog: what videos exist, how search finds them, and how each one plays. */

export interface FakeVideo {
  /** 11 characters, like a real video id. */
  readonly videoId: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album?: string;
  /** What search results report (the real audio is `audioSeconds` long). */
  readonly durationMs: number;
  /** `song` is an ATV audio track on YouTube Music, `video` an OMV music video. */
  readonly kind: "song" | "video";
  readonly isrc?: string;
  /** An ISRC query finds it in a "Songs" shelf instead of a top-result card. */
  readonly isrcInShelf?: boolean;
  readonly playability?: "OK" | "UNPLAYABLE" | "LOGIN_REQUIRED";
  /** YouTube's reason for a refusal; a realistic default per status. */
  readonly reason?: string;
  /** Length of the generated tone, 2–5 s (default 3). */
  readonly audioSeconds?: number;
  /** Audio formats offered (default both): `opus` → itag 251 webm, `aac` → itag 140 mp4. */
  readonly formats?: readonly ("opus" | "aac")[];
  /** Announce `clen`/`contentLength` this many bytes off the real size (tests length verification). */
  readonly clenDelta?: number;
  /** Artists shown as plain text without a channel link, as YouTube Music does for some (search-songs.json). */
  readonly plainArtists?: boolean;
  /** Channel name in plain YouTube results; default "<artist> - Topic" for songs, "<artist>" for videos. */
  readonly channel?: string;
}

/** Results per page, as YouTube Music sends them; the rest come through continuation requests. */
export const PAGE_SIZE = 20;

export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

function tokens(text: string): Set<string> {
  return new Set(
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

/** Each video's title and artist words, computed once: a 10,000-video bench catalog is searched 10,000 times. */
const wordsOf = new WeakMap<FakeVideo, { title: Set<string>; artists: Set<string>; album: Set<string> }>();
function videoWords(video: FakeVideo) {
  let words = wordsOf.get(video);
  if (!words) {
    words = { title: tokens(video.title), artists: tokens(video.artists.join(" ")), album: tokens(video.album ?? "") };
    wordsOf.set(video, words);
  }
  return words;
}

/** Word → indexes of the videos whose title holds it, rebuilt when the catalog grew (addVideo). */
const titleIndexOf = new WeakMap<readonly FakeVideo[], { size: number; byWord: Map<string, number[]> }>();
function titleIndex(catalog: readonly FakeVideo[]): Map<string, number[]> {
  const known = titleIndexOf.get(catalog);
  if (known && known.size === catalog.length) return known.byWord;
  const byWord = new Map<string, number[]>();
  catalog.forEach((video, index) => {
    for (const word of videoWords(video).title) {
      const list = byWord.get(word);
      if (list) list.push(index);
      else byWord.set(word, [index]);
    }
  });
  titleIndexOf.set(catalog, { size: catalog.length, byWord });
  return byWord;
}

/**
 * Entries whose title shares a word with the query, best overlap first (title, artist and album words count), so
 * a query also returns decoys: other versions, covers, same-titled songs. At most `limit` (one page of real
 * results by default; the server pages through more with continuations).
 */
export function matchCatalog(catalog: readonly FakeVideo[], query: string, limit = PAGE_SIZE): FakeVideo[] {
  const wanted = tokens(query);
  const lowerQuery = query.toLowerCase();
  const byWord = titleIndex(catalog);
  const indexes = new Set<number>();
  for (const word of wanted) for (const index of byWord.get(word) ?? []) indexes.add(index);
  const count = (words: Set<string>) => [...words].filter((token) => wanted.has(token)).length;
  const scored = [...indexes].map((index) => {
    const video = catalog[index]!;
    const words = videoWords(video);
    // A title the query names in full ranks above one that only shares a word, as on YouTube: otherwise a
    // generated catalog's "Silver Silver" drowns among the same artist's "Orbit Static"s. The exact title at the
    // end of an "Artist - Title" query ranks higher still, so the song stays on the first page of 20.
    const wholeTitle = [...words.title].every((token) => wanted.has(token)) ? 1 : 0;
    const exactTitle =
      lowerQuery.endsWith(video.title.toLowerCase()) || lowerQuery.includes(`- ${video.title.toLowerCase()} `) ? 2 : 0;
    // Album words count too, so an album-qualified query ("Artist - Title Album") lifts that album's song; only
    // words the title and artists lack, or an album named like its artist would rank first for every query.
    const albumOnly = new Set([...words.album].filter((word) => !words.title.has(word) && !words.artists.has(word)));
    const score = count(words.title) + count(words.artists) + count(albumOnly) + wholeTitle + exactTitle;
    return { video, index, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.video);
}

export function findByIsrc(catalog: readonly FakeVideo[], query: string): FakeVideo | undefined {
  const isrc = query.trim().toUpperCase();
  return catalog.find((video) => video.isrc?.toUpperCase() === isrc);
}

/** `208000` → `3:28`, the way YouTube writes lengths. */
export function durationText(durationMs: number): string {
  const total = Math.round(durationMs / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}
