/** Validates `--output`, `--format`, `--bitrate`, `--threads` with the same rules as the file. */
import * as v from "valibot";
import type { ConfigIssue } from "../errors.ts";
import { bitrateSchema, formatSchema, threadsSchema } from "./schema.ts";
import type { CliOverrides } from "./settings/context.ts";

export type { CliOverrides };

export interface CliOverrideInput {
  output?: string;
  format?: string;
  bitrate?: string;
  threads?: string;
}

export function readCliOverrides(input: CliOverrideInput): { overrides: CliOverrides; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const overrides: { -readonly [K in keyof CliOverrides]: CliOverrides[K] } = {};
  const check = <T>(flag: string, schema: v.GenericSchema<unknown, T>, value: unknown): T | undefined => {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    issues.push({ path: `--${flag}`, message: `${result.issues[0].message}, got ${JSON.stringify(value)}` });
    return undefined;
  };
  if (input.output !== undefined) {
    if (input.output.trim()) overrides.output = input.output;
    else issues.push({ path: "--output", message: "expected a folder path, got nothing" });
  }
  if (input.format !== undefined) overrides.format = check("format", formatSchema, input.format.trim().toLowerCase());
  if (input.bitrate !== undefined) overrides.bitrate = check("bitrate", bitrateSchema, input.bitrate);
  if (input.threads !== undefined) {
    // A flag is always text; `4` must count, `4x` must not.
    const number = /^\s*\d+\s*$/.test(input.threads) ? Number(input.threads) : input.threads;
    const threads = check("threads", threadsSchema, number);
    if (threads !== undefined) overrides.threads = threads;
  }
  for (const key of Object.keys(overrides) as (keyof CliOverrides)[])
    if (overrides[key] === undefined) delete overrides[key];
  return { overrides, issues };
}
