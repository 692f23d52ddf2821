import { expect, test } from "bun:test";
import { redact } from "../../src/util/redact.ts";

test.each([
  ["client_secret=abcdEFGH1234&grant_type=x", "client_secret=[redacted]&grant_type=x"],
  ['{"access_token":"BQDxyzabc","expires_in":3600}', '{"access_token":"[redacted]","expires_in":3600}'],
  ["refresh_token: AQBc-9_zz", "refresh_token: [redacted]"],
  ["Cookie: SID=abc; HSID=def", "Cookie: [redacted] HSID=def"],
  ["code_verifier=abcdefghijklmnopqrstuvwxyz", "code_verifier=[redacted]"],
  ["Authorization: Bearer abc.def", "Authorization: [redacted]"],
])("a secret-shaped value is hidden: %s", (input, expected) => {
  expect(redact(input)).toBe(expected);
});

test.each([
  "musicdl.yaml line 3, download.client_secret: expected text",
  "download.client_secret: unknown key under `spotify:`",
  "the cookie: is missing",
])("prose that merely names a secret key keeps its words: %s", (input) => {
  expect(redact(input)).toBe(input);
});
