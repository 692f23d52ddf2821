import { expect, test } from "bun:test";
import { parseDurationS } from "../../src/config/durations.ts";

test.each([
  { input: 90, want: 90 },
  { input: 1.5, want: 1.5 },
  { input: "30s", want: 30 },
  { input: "10m", want: 600 },
  { input: "2h", want: 7200 },
  { input: "7d", want: 604800 },
  { input: "0.5", want: 0.5 },
  { input: "250ms", want: 0.25 },
  { input: " 3 H ", want: 10800 },
  { input: "soon", want: undefined },
  { input: "10 minutes", want: undefined },
  { input: -5, want: undefined },
  { input: "-5s", want: undefined },
])("$input is $want seconds", ({ input, want }) => {
  expect(parseDurationS(input)).toBe(want);
});
