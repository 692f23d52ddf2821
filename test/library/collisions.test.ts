import { describe, expect, test } from "bun:test";
import { disambiguatePaths } from "../../src/library/collisions.ts";

const items = (...pairs: [string, string][]) => pairs.map(([id, path]) => ({ id, path }));
const asObject = (map: Map<string, string>): Record<string, string | undefined> => Object.fromEntries(map);

describe("disambiguatePaths", () => {
  test.each([
    {
      name: "different paths stay as they are",
      input: items(["a", "/m/One.mp3"], ["b", "/m/Two.mp3"]),
      want: { a: "/m/One.mp3", b: "/m/Two.mp3" },
    },
    {
      name: "the smallest id keeps the name, the next gets (2)",
      input: items(["b", "/m/Song.mp3"], ["a", "/m/Song.mp3"]),
      want: { a: "/m/Song.mp3", b: "/m/Song (2).mp3" },
    },
    {
      name: "three of a kind",
      input: items(["c", "/m/Song.mp3"], ["a", "/m/Song.mp3"], ["b", "/m/Song.mp3"]),
      want: { a: "/m/Song.mp3", b: "/m/Song (2).mp3", c: "/m/Song (3).mp3" },
    },
    {
      name: "case differences collide (macOS, Windows)",
      input: items(["a", "/m/ABBA/Song.mp3"], ["b", "/m/Abba/song.mp3"]),
      want: { a: "/m/ABBA/Song.mp3", b: "/m/Abba/song (2).mp3" },
    },
    {
      name: "NFD and NFC spellings collide",
      input: items(["a", "/m/Beyonce\u0301.mp3"], ["b", "/m/Beyonc\u00e9.mp3"]),
      want: { a: "/m/Beyonce\u0301.mp3", b: "/m/Beyonc\u00e9 (2).mp3" },
    },
    {
      name: "a suffix skips a name a real track already has",
      input: items(["a", "/m/Song.mp3"], ["b", "/m/Song.mp3"], ["z", "/m/Song (2).mp3"]),
      want: { a: "/m/Song.mp3", b: "/m/Song (3).mp3", z: "/m/Song (2).mp3" },
    },
    {
      name: "the same id twice is one track, not a collision",
      input: items(["a", "/m/Song.mp3"], ["a", "/m/Song.mp3"]),
      want: { a: "/m/Song.mp3" },
    },
    {
      name: "no extension",
      input: items(["a", "/m/Song"], ["b", "/m/song"]),
      want: { a: "/m/Song", b: "/m/song (2)" },
    },
  ])("$name", ({ input, want }) => expect(asObject(disambiguatePaths(input))).toEqual(want));

  test("the result doesn't depend on the order of the input", () => {
    const input = items(["a", "/m/x.mp3"], ["b", "/m/X.mp3"], ["c", "/m/x (2).mp3"], ["d", "/m/x.mp3"]);
    const want = asObject(disambiguatePaths(input));
    expect(asObject(disambiguatePaths([...input].reverse()))).toEqual(want);
    expect(asObject(disambiguatePaths([input[2]!, input[0]!, input[3]!, input[1]!]))).toEqual(want);
    expect(new Set(Object.values(want).map((path) => path?.toLowerCase())).size).toBe(4);
  });

  test("a suffixed long name still fits 255 bytes", () => {
    const long = `/m/${"é".repeat(125)}.mp3`;
    const result = disambiguatePaths(items(["a", long], ["b", long]));
    const name = result.get("b")!.slice(3);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith(" (2).mp3")).toBe(true);
  });
});
