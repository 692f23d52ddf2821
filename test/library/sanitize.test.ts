import { describe, expect, test } from "bun:test";
import { sanitizeComponent, validateReplacements, withSuffixBeforeExtension } from "../../src/library/sanitize.ts";
import { expectPortableComponent, HOSTILE_NAMES } from "../helpers/hostile-names.ts";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("sanitizeComponent", () => {
  test.each([
    { input: "YYZ", want: "YYZ" },
    { input: "AC/DC", want: "AC-DC" },
    { input: "Song A / Song B", want: "Song A - Song B" },
    { input: "back\\slash", want: "back-slash" },
    { input: "Re: Stacks", want: "Re - Stacks" },
    { input: "12:00", want: "12-00" },
    { input: "Why?", want: "Why" },
    { input: 'Say "Hello"', want: "Say 'Hello'" },
    { input: "F**k <it>", want: "F__k _it_" },
    { input: "pipe|d", want: "pipe-d" },
    { input: "../../etc/passwd", want: "_.-..-etc-passwd" },
    { input: ".", want: "_" },
    { input: "..", want: "_" },
    { input: ".hidden", want: "_hidden" },
    { input: "trailing dots...", want: "trailing dots" },
    { input: "trailing spaces   ", want: "trailing spaces" },
    { input: "  leading spaces", want: "leading spaces" },
    { input: "CON", want: "CON_" },
    { input: "con.txt", want: "con_.txt" },
    { input: "AUX", want: "AUX_" },
    { input: "nul.tar.gz", want: "nul_.tar.gz" },
    { input: "COM1.mp3", want: "COM1_.mp3" },
    { input: "lpt9", want: "lpt9_" },
    { input: "CONSOLE", want: "CONSOLE" },
    { input: "NUL\u0000byte", want: "NULbyte" },
    { input: "line\nbreak\r\ntab\there", want: "line break tab here" },
    { input: "evil\u202Egnp.mp3", want: "evilgnp.mp3" },
    { input: "e\u0301te\u0301", want: "\u00e9t\u00e9" },
    { input: "עברית / عربى", want: "עברית - عربى" },
    { input: "Beyoncé 💃🏽", want: "Beyoncé 💃🏽" },
    { input: "", want: "_" },
    { input: "???", want: "_" },
  ])("$input → $want", ({ input, want }) => expect(sanitizeComponent(input)).toBe(want));

  test.each(HOSTILE_NAMES.map((name) => ({ name })))("hostile $name comes out valid everywhere", ({ name }) =>
    expectPortableComponent(sanitizeComponent(name)),
  );

  test("a long name is cut to 255 UTF-8 bytes, not characters, and keeps its extension", () => {
    const name = sanitizeComponent(`${"é".repeat(300)}.flac`);
    expect(bytes(name)).toBeLessThanOrEqual(255);
    expect(bytes(name)).toBeGreaterThanOrEqual(254);
    expect(name.length).toBeLessThan(135);
    expect(name.endsWith("é.flac")).toBe(true);
  });

  test("300 emoji are cut between emoji, never inside a surrogate pair or a ZWJ family", () => {
    const family = "👩‍👩‍👧‍👦";
    expect(sanitizeComponent("😀".repeat(300))).toBe("😀".repeat(63));
    const families = sanitizeComponent(`${family.repeat(100)}.mp3`);
    // A family is 4 emoji + 3 joiners = 25 bytes; 251 bytes are left beside ".mp3".
    expect(families).toBe(`${family.repeat(10)}.mp3`);
  });

  test("a cut that ends on a space or dot is tidied", () =>
    expect(sanitizeComponent(`${"a".repeat(250)}  .. b.mp3`, { maxBytes: 256 })).toBe(`${"a".repeat(250)}.mp3`));

  test("a user replacement table runs before the defaults", () =>
    expect(sanitizeComponent("AC/DC & Friends", { replacements: { "/": "_", "&": "and" } })).toBe("AC_DC and Friends"));

  test("a user table can't reintroduce unsafe characters", () => {
    const name = sanitizeComponent("a-b", { replacements: { "-": "/", "^a": "." } });
    expect(name).toBe("_-b");
    expectPortableComponent(name);
  });
});

describe("validateReplacements", () => {
  test("names an invalid pattern", () =>
    expect(validateReplacements({ "[": "_", ok: "fine" })).toEqual([expect.stringContaining('"["')]));
});

describe("withSuffixBeforeExtension", () => {
  test.each([
    { name: "Song.mp3", suffix: " (2)", want: "Song (2).mp3" },
    { name: "No extension", suffix: " (3)", want: "No extension (3)" },
    { name: `${"x".repeat(251)}.mp3`, suffix: " (2)", want: `${"x".repeat(247)} (2).mp3` },
  ])("$suffix into $name", ({ name, suffix, want }) => {
    expect(withSuffixBeforeExtension(name, suffix)).toBe(want);
    expect(bytes(withSuffixBeforeExtension(name, suffix))).toBeLessThanOrEqual(255);
  });
});
