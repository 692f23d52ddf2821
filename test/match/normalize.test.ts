import { describe, expect, test } from "bun:test";
import { foldText, normalizeArtist, parseTitle, splitArtistCredit } from "../../src/match/normalize.ts";

describe("foldText", () => {
  test.each([
    { name: "case and Latin accents fold", input: "Beyoncé", want: "beyonce" },
    { name: "Icelandic accents fold", input: "Hoppípolla", want: "hoppipolla" },
    { name: "apostrophes vanish inside words", input: "Don't Stop Me Now", want: "dont stop me now" },
    { name: "dotted initials join", input: "P.Y.T.", want: "pyt" },
    { name: "& reads as and", input: "Simon & Garfunkel", want: "simon and garfunkel" },
    {
      name: "punctuation and spacing collapse",
      input: "  Hurry Up,  We're   Dreaming!  ",
      want: "hurry up were dreaming",
    },
    { name: "full-width letters become ASCII", input: "ＨＥＬＬＯ", want: "hello" },
    { name: "Japanese keeps its voiced marks", input: "ばら", want: "ばら" },
    { name: "Japanese text stays intact", input: "夜に駆ける", want: "夜に駆ける" },
    { name: "Cyrillic is lower-cased, not emptied", input: "Группа Крови", want: "группа крови" },
    { name: "Cyrillic й keeps its breve", input: "Чёрный й", want: "чёрный й" },
    { name: "Arabic stays intact", input: "تملي معاك", want: "تملي معاك" },
    { name: "a title of only punctuation is not emptied", input: "!!!", want: "!!!" },
  ])("$name", ({ input, want }) => expect(foldText(input)).toBe(want));

  test("a non-Latin title compares equal to itself and differs from another", () => {
    expect(foldText("Кино")).toBe(foldText("Кино"));
    expect(foldText("ばら")).not.toBe(foldText("はら"));
  });
});

describe("parseTitle", () => {
  test.each([
    { title: "Don't Stop Me Now - Remastered 2011", core: "dont stop me now", tags: ["remastered 2011"], featured: [] },
    { title: "Here Comes The Sun (2009 Remaster)", core: "here comes the sun", tags: ["2009 remaster"], featured: [] },
    {
      title: "Quatro Baby (feat. Latifah & Henkie T)",
      core: "quatro baby",
      tags: [],
      featured: ["latifah", "henkie t"],
    },
    { title: "STAY (with Justin Bieber)", core: "stay", tags: [], featured: ["justin bieber"] },
    { title: "Song ft. Drake", core: "song", tags: [], featured: ["drake"] },
    { title: "Titanium (feat. Sia) - Alesso Remix", core: "titanium", tags: ["alesso remix"], featured: ["sia"] },
    { title: "Moments (Acoustic Version)", core: "moments", tags: ["acoustic version"], featured: [] },
    { title: "Strobe (Radio Edit)", core: "strobe", tags: ["radio edit"], featured: [] },
    { title: "(I Can't Get No) Satisfaction", core: "i cant get no satisfaction", tags: [], featured: [] },
    { title: "P.Y.T. (Pretty Young Thing)", core: "pyt pretty young thing", tags: [], featured: [] },
    {
      title: "Hotel California - Live On MTV, 1994",
      core: "hotel california",
      tags: ["live on mtv 1994"],
      featured: [],
    },
    { title: "夜に駆ける (Official Music Video)", core: "夜に駆ける", tags: ["official music video"], featured: [] },
  ])("$title", ({ title, core, tags, featured }) => {
    const parsed = parseTitle(title);
    expect({ core: parsed.core, tags: parsed.tags, featured: parsed.featured }).toEqual({ core, tags, featured });
  });

  test.each([
    { title: "Rush - YYZ (Live)", artists: ["Rush"], core: "yyz", credited: ["rush"] },
    {
      title: "The Weeknd - Blinding Lights (Lyrics)",
      artists: ["The Weeknd"],
      core: "blinding lights",
      credited: ["the weeknd"],
    },
    {
      title: "Lost Identities & Robbie Rosen - Moments (Lyrics)",
      artists: ["Robbie Rosen"],
      core: "moments",
      credited: ["lost identities and robbie rosen"],
    },
    { title: "Queen - Killer Queen", artists: ["Queen"], core: "killer queen", credited: ["queen"] },
    { title: "ADELE | Hello", artists: ["Adele"], core: "hello", credited: ["adele"] },
    { title: "Blur - Song 2", artists: [], core: "blur song 2", credited: [] },
  ])("an artist credit is split off video title $title", ({ title, artists, core, credited }) => {
    const parsed = parseTitle(title, artists);
    expect({ core: parsed.core, credited: parsed.credited }).toEqual({ core, credited });
  });
});

describe("artist names", () => {
  test.each([
    { input: "Abstrakt - Topic", want: "abstrakt" },
    { input: "RushVEVO", want: "rush" },
    { input: "Queen Official", want: "queen" },
    { input: "The Beatles", want: "beatles" },
    { input: "Sigur Rós", want: "sigur ros" },
    { input: "Кино", want: "кино" },
  ])("normalizeArtist($input)", ({ input, want }) => expect(normalizeArtist(input)).toBe(want));

  test.each([
    { input: "Latifah & Henkie T", want: ["latifah", "henkie t"] },
    { input: "D-Double, MocroManiac", want: ["d double", "mocromaniac"] },
    { input: "Robbie Rosen und Lost Identities", want: ["robbie rosen", "lost identities"] },
    { input: "Elton John x Dua Lipa", want: ["elton john", "dua lipa"] },
    { input: "MocroManiac, Hef, Boef & Lijpe", want: ["mocromaniac", "hef", "boef", "lijpe"] },
  ])("splitArtistCredit($input)", ({ input, want }) => expect(splitArtistCredit(input)).toEqual([...want]));
});
