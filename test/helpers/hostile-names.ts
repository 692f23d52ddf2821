/** Hostile names shared by the sanitize and template tests, and a checker for "valid on Linux, macOS and Windows". */
import { expect } from "bun:test";

export const HOSTILE_NAMES: readonly string[] = [
  "../../etc/passwd",
  "..\\..\\Windows\\System32",
  "/absolute/path",
  "CON",
  "con.txt",
  "AUX",
  "nul.tar.gz",
  "Lpt9",
  "x".repeat(300),
  "é".repeat(300),
  "😀".repeat(300),
  "👩‍👩‍👧‍👦".repeat(100),
  "a/b\\c",
  ".",
  "..",
  "...",
  "trailing dots...",
  "trailing spaces   ",
  " . ",
  "NUL\u0000byte",
  "bell\u0007 tab\t newline\n return\r",
  "e\u0301te\u0301", // NFD
  "עברית ואנגלית",
  "مرحبا بالعالم",
  "evil\u202Egnp.mp3",
  '<>:"|?*',
  "",
  "   ",
];

const encoder = new TextEncoder();

/** Fails the test unless `name` is a component every one of the three platforms accepts as written. */
export function expectPortableComponent(name: string): void {
  expect(name).not.toBe("");
  expect(name).not.toMatch(/[<>:"/\\|?*\p{Cc}]/u);
  expect(name).not.toMatch(/^\./u);
  expect(name).not.toMatch(/[. ]$/u);
  expect(name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu);
  expect(name).toBe(name.normalize("NFC"));
  expect(encoder.encode(name).length).toBeLessThanOrEqual(255);
  expect(name.isWellFormed()).toBe(true);
}
