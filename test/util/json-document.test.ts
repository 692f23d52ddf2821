import { describe, expect, test } from "bun:test";
import { JSON_SCHEMA_VERSION, jsonDocument, snakeCaseKeys } from "../../src/util/json-document.ts";

describe("jsonDocument", () => {
  test("puts the schema version first and snake_cases keys at every depth, values untouched", () => {
    const document = jsonDocument({
      failuresFile: "/x",
      spotify: { waitedS: 1.5, rateLimited: 2 },
      m3uFiles: [{ trackCounts: { done: 1 } }],
    });
    expect(Object.keys(document)[0]).toBe("schema_version");
    expect(document).toEqual({
      schema_version: JSON_SCHEMA_VERSION,
      failures_file: "/x",
      spotify: { waited_s: 1.5, rate_limited: 2 },
      m3u_files: [{ track_counts: { done: 1 } }],
    });
  });

  test("refuses a body that would shadow the document's schema_version", () => {
    expect(() => jsonDocument({ schemaVersion: 4 })).toThrow("schema_version");
  });

  test("leaves keys already snake_case, and values that are not plain objects, alone", () => {
    const when = new Date(0);
    expect(snakeCaseKeys({ by_status: { pending: 1 }, at: when, list: ["camelCase"] })).toEqual({
      by_status: { pending: 1 },
      at: when,
      list: ["camelCase"],
    });
  });
});
