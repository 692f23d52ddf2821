/** Version words and upload noise, table-driven: which candidate titles and albums mean another recording. */
import { describe, expect, test } from "bun:test";
import { scoreCandidate } from "../../src/match/distance.ts";
import { buildCandidate, buildTrack } from "./builders.ts";

const track = buildTrack({
  title: "Northern Lights",
  artists: ["Aurora Vale"],
  album: "Polar Nights",
  duration: "3:40",
});
const candidate = (title: string, album?: string) =>
  buildCandidate({ id: "c", title, artists: ["Aurora Vale"], duration: "3:40", kind: "song", album });

describe("a version word the Spotify track lacks rejects the candidate", () => {
  test.each([
    ["Northern Lights (Live)", "live"],
    ["Northern Lights (Club Remix)", "remix"],
    ["Northern Lights (2019 Remake)", "remake"],
    ["Northern Lights (Re-Recorded)", "re recorded"],
    ["Northern Lights (Piano Cover)", "cover"],
    ["Northern Lights (Karaoke Version)", "karaoke"],
    ["Northern Lights (Instrumental)", "instrumental"],
    ["Northern Lights (Acoustic)", "acoustic"],
    ["Northern Lights (Sped Up)", "sped up"],
    ["Northern Lights (Slowed)", "slowed"],
    ["Northern Lights (Nightcore)", "nightcore"],
    ["Northern Lights (8D Audio)", "8d"],
    ["Northern Lights (Demo)", "demo"],
    ["Northern Lights (Radio Edit)", "edit"],
    ["Northern Lights (Extended Mix)", "extended"],
    ["Northern Lights (Mashup)", "mashup"],
    ["Northern Lights (Tribute to Aurora Vale)", "tribute"],
  ])("%s", (title, word) => {
    const score = scoreCandidate(track, candidate(title, "Polar Nights"));
    expect(score.verdict).toBe("reject");
    expect(score.rejectReason).toBe(`says "${word}"`);
  });
});

describe("upload noise costs nothing on the title", () => {
  test.each([
    "Northern Lights [CD Quality]",
    "Northern Lights (HD)",
    "Northern Lights [HQ]",
    "Northern Lights [NCS Release]",
    "Northern Lights (Official Audio)",
    "Northern Lights (Audio)",
    "Northern Lights - Lyrics",
    "Northern Lights (Visualizer)",
    "Northern Lights [Monstercat Release]",
    "Northern Lights [Polar Records]",
    "Aurora Vale - Northern Lights [FLAC]",
  ])("%s", (title) => {
    const score = scoreCandidate(track, candidate(title));
    expect(score.penalties.find((penalty) => penalty.name === "title")?.value).toBe(0);
    expect(score.verdict).not.toBe("reject");
  });
});

describe("a live-show album, named or not", () => {
  test.each([
    ["Live at the Apollo", true],
    ["Madison Square Garden, New York, July 20, 2019", true],
    ["Wembley Stadium, 13 July 1985", true],
    ["2003-11-24 Hammersmith Apollo", true],
    ["Paris Olympia 1996", true],
    ["BBC Sessions", true],
    ["Live Lounge", true],
    ["MTV Unplugged in New York", true],
    ["Polar Nights", false],
    ["July", false],
    ["1989", false],
    ["Garden of Delights", false],
    ["Hall of Fame (Deluxe Edition)", false],
  ] as const)("%s → %p", (album, live) => {
    const score = scoreCandidate(track, candidate("Northern Lights", album));
    expect(score.verdict === "reject").toBe(live);
  });

  test("a Spotify live album explains a live candidate album", () => {
    const live = buildTrack({
      ...{ title: "Northern Lights", artists: ["Aurora Vale"], duration: "3:40" },
      album: "Live at the Apollo",
    });
    expect(scoreCandidate(live, candidate("Northern Lights", "Live at the Apollo")).verdict).toBe("strong");
  });
});
