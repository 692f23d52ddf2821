import { describe, expect, test } from "bun:test";
import { scoreCandidate } from "../../src/match/distance.ts";
import { describeRejection, formatPenalties, renderMatchTable } from "../../src/match/explain.ts";
import { rankCandidates } from "../../src/match/pick.ts";
import { buildCandidate, buildTrack, type CandidateSketch } from "./builders.ts";

const track = buildTrack({
  title: "YYZ",
  artists: ["Rush"],
  album: "Moving Pictures",
  duration: "4:26",
  isrc: "CAA108100025",
});
const candidateOf = (id: string, overrides: Partial<CandidateSketch> = {}) =>
  buildCandidate({ id, title: "YYZ", artists: ["Rush"], duration: "4:26", kind: "song", ...overrides });

describe("formatPenalties", () => {
  test.each([
    { name: "a perfect match lists nothing", candidate: candidateOf("a"), want: "" },
    {
      name: "a live video names the word",
      candidate: candidateOf("b", { title: "YYZ (Live)", kind: "video" }),
      want: 'unwanted-words 1.00 ("live") · kind 1.00',
    },
    {
      name: "duration shows the signed difference",
      candidate: candidateOf("c", { duration: "5:40", title: "YYZ (Live)" }),
      want: 'unwanted-words 1.00 ("live") · duration 1.00 (+74s)',
    },
  ])("$name", ({ candidate, want }) => expect(formatPenalties(scoreCandidate(track, candidate))).toBe(want));
});

describe("describeRejection", () => {
  test("names the best candidates with scores and reasons", () => {
    const ranked = rankCandidates(track, [
      candidateOf("live", { title: "YYZ (Live)", duration: "5:40" }),
      candidateOf("karaoke", { title: "YYZ (Karaoke)", artists: ["Sing King"] }),
    ]);
    expect(describeRejection(track, ranked)).toBe(
      'no acceptable match for "YYZ" by Rush; best: ' +
        '"YYZ (Karaoke)" by Sing King 0.46 (rejected: says "karaoke") [unwanted-words 1.00 ("karaoke") · artist 1.00 (Sing King)]; ' +
        '"YYZ (Live)" by Rush 0.46 (rejected: says "live") [unwanted-words 1.00 ("live") · duration 1.00 (+74s)]',
    );
  });

  test("names an upload two providers both found once (YouTube Music and YouTube share video ids)", () => {
    const live = candidateOf("live", { title: "YYZ (Live)", duration: "5:40" });
    const ranked = rankCandidates(track, [
      live,
      { ...live, provider: "youtube" },
      candidateOf("karaoke", { title: "YYZ (Karaoke)", artists: ["Sing King"] }),
    ]);
    const message = describeRejection(track, ranked);
    expect(message.match(/"YYZ \(Live\)"/g)).toHaveLength(1);
    expect(message).toContain('"YYZ (Karaoke)"');
    expect(message).not.toContain("more");
  });

  test("says when nothing was found", () => {
    expect(describeRejection(track, [])).toBe('no acceptable match for "YYZ" by Rush; no candidates found');
  });

  test("cuts the list at max and says how many more", () => {
    const ranked = rankCandidates(
      track,
      ["a", "b", "c", "d"].map((id) => candidateOf(id, { title: "YYZ (Live)" })),
    );
    expect(describeRejection(track, ranked, 2)).toEndWith("; 2 more");
  });
});

describe("renderMatchTable", () => {
  test("lists candidates best first with verdict, distance, kind, time and id", () => {
    const ranked = rankCandidates(track, [
      candidateOf("live", { title: "YYZ (Live)", kind: "video" }),
      candidateOf("song"),
    ]);
    const lines = renderMatchTable(track, ranked, { explain: true }).split("\n");
    expect(lines[0]).toBe("YYZ — Rush · 4:26 · ISRC CAA108100025");
    expect(lines[2]).toMatch(/^ 1 {2}strong +0\.00 {2}song +4:26 +YYZ — Rush +youtube-music:song$/);
    expect(lines[3]).toBe("    no penalties");
    expect(lines[4]).toMatch(/^ 2 {2}reject +0\.31 {2}video +4:26 +YYZ \(Live\) — Rush +youtube-music:live$/);
    expect(lines[5]).toBe('    rejected: says "live" · unwanted-words 1.00 ("live") · kind 1.00');
  });

  test("says when nothing was found", () => {
    expect(renderMatchTable(track, [])).toBe("YYZ — Rush · 4:26 · ISRC CAA108100025\n  no candidates found");
  });
});

test("a long title is cut and still leaves a space before the id", () => {
  const title = "Lost Identities & Robbie Rosen - Moments (Lyrics) [Extended Fan Upload]";
  const ranked = rankCandidates(track, [candidateOf("long", { title })]);
  expect(renderMatchTable(track, ranked).split("\n")[2]).toMatch(/… youtube-music:long$/);
});
