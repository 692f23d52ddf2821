/** Checks a plugin object against the contract with valibot and says, in plain words, what is missing. */
import * as v from "valibot";
import { AUDIO_FORMATS } from "../audio/formats.ts";
import type { Plugin, PluginApiVersion } from "./api.ts";

/** Contract versions this musicdl can load. */
export const SUPPORTED_API_VERSIONS: readonly PluginApiVersion[] = [1];

export const PLUGIN_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const supportedList = SUPPORTED_API_VERSIONS.join(", ");

const BaseSchema = v.looseObject({
  apiVersion: v.literal(
    1,
    (issue) =>
      `apiVersion ${issue.input === undefined ? "is missing" : `${JSON.stringify(issue.input)} is not supported`}; this musicdl loads apiVersion ${supportedList}`,
  ),
  kind: v.picklist(
    ["source", "provider", "tagger", "lyrics"],
    (issue) =>
      `kind ${issue.input === undefined ? "is missing; it" : JSON.stringify(issue.input)} must be source, provider, tagger or lyrics`,
  ),
  name: v.pipe(
    v.string("name is missing (a kebab-case string like `bandcamp`)"),
    v.regex(
      PLUGIN_NAME_PATTERN,
      (issue) => `name ${JSON.stringify(issue.input)} must be kebab-case, like \`my-provider\``,
    ),
  ),
  version: v.optional(v.string("version must be a string")),
  description: v.optional(v.string("description must be a string")),
  overrides: v.optional(v.string("overrides must be the name of the plugin it replaces")),
  setup: v.optional(v.function("setup must be a function")),
  dispose: v.optional(v.function("dispose must be a function")),
  check: v.optional(v.function("check must be a function")),
});

const needs = (kind: string, method: string) => v.function(`a ${kind} needs ${method}()`);

const KindSchemas = {
  source: v.looseObject({ match: needs("source", "match"), resolve: needs("source", "resolve") }),
  provider: v.looseObject({
    search: needs("provider", "search"),
    download: needs("provider", "download"),
    pin: v.optional(v.function("pin must be a function")),
  }),
  tagger: v.looseObject({
    formats: v.pipe(
      v.array(
        v.picklist(
          AUDIO_FORMATS,
          (issue) => `formats: ${JSON.stringify(issue.input)} is not one of ${AUDIO_FORMATS.join(", ")}`,
        ),
        'a tagger needs formats (a list like ["mp3"])',
      ),
      v.minLength(1, "a tagger needs at least one format"),
    ),
    write: needs("tagger", "write"),
  }),
  lyrics: v.looseObject({ lyrics: v.function("a lyrics plugin needs lyrics()") }),
} as const;

/** What is wrong with a value that should be a plugin; empty when it is one. */
export function findPluginProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null) {
    return [`exports ${describeValue(value)}, not a plugin object or a factory returning one`];
  }
  const base = v.safeParse(BaseSchema, pick(value, BaseSchema.entries), { abortPipeEarly: true });
  if (!base.success) return base.issues.map((issue) => issue.message);
  const kindSchema = KindSchemas[base.output.kind];
  const kindResult = v.safeParse(kindSchema, pick(value, kindSchema.entries), { abortPipeEarly: true });
  return kindResult.success ? [] : kindResult.issues.map((issue) => issue.message);
}

/** Type guard over {@link findPluginProblems}. */
export function isPlugin(value: unknown): value is Plugin {
  return findPluginProblems(value).length === 0;
}

/**
 * The schema's keys read off the value, absent ones as undefined: valibot reports a missing key as a generic
 * "Invalid key" rather than the field's own message, and methods may live on a prototype.
 */
function pick(value: object, entries: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(entries).map((key) => [key, (value as Record<string, unknown>)[key]]));
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  return `a ${typeof value}`;
}
