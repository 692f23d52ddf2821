import { expect, test } from "bun:test";
import { findPluginProblems } from "../../src/plugins/validate.ts";

const fn = () => {};
const provider = { apiVersion: 1, kind: "provider", name: "bandcamp", search: fn, download: fn };
const tagger = { apiVersion: 1, kind: "tagger", name: "vorbis-tags", formats: ["ogg", "opus"], write: fn };
const source = { apiVersion: 1, kind: "source", name: "deezer", match: fn, resolve: fn };
const without = (value: object, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
class ClassProvider {
  apiVersion = 1;
  kind = "provider";
  name = "class-based";
  async search() {}
  async download() {}
}

test.each([
  { name: "a complete provider passes", value: provider, want: [] },
  { name: "a complete tagger passes", value: tagger, want: [] },
  { name: "a complete source passes", value: source, want: [] },
  {
    name: "a provider without search is told so",
    value: without(provider, "search"),
    want: ["a provider needs search()"],
  },
  {
    name: "a provider with search undefined is told so",
    value: { ...provider, search: undefined },
    want: ["a provider needs search()"],
  },
  { name: "methods on a class prototype count", value: new ClassProvider(), want: [] },
  {
    name: "a missing name is named",
    value: without(tagger, "name"),
    want: ["name is missing (a kebab-case string like `bandcamp`)"],
  },
  {
    name: "a provider without download is told so",
    value: { ...provider, download: "x" },
    want: ["a provider needs download()"],
  },
  {
    name: "a source needs match and resolve",
    value: { ...source, match: 1, resolve: undefined },
    want: ["a source needs match()", "a source needs resolve()"],
  },
  { name: "a tagger needs write", value: without(tagger, "write"), want: ["a tagger needs write()"] },
  {
    name: "a lyrics plugin needs lyrics()",
    value: { apiVersion: 1, kind: "lyrics", name: "lyrics-box", lyrics: "none" },
    want: ["a lyrics plugin needs lyrics()"],
  },
  {
    name: "a complete lyrics plugin passes",
    value: { apiVersion: 1, kind: "lyrics", name: "lyrics-box", lyrics: async () => null },
    want: [],
  },
  {
    name: "a tagger format outside the list is named",
    value: { ...tagger, formats: ["mp3", "aiff"] },
    want: ['formats: "aiff" is not one of mp3, m4a, opus, ogg, flac, wav'],
  },
  {
    name: "a tagger with no formats is rejected",
    value: { ...tagger, formats: [] },
    want: ["a tagger needs at least one format"],
  },
  {
    name: "apiVersion 2 says which versions load",
    value: { ...provider, apiVersion: 2 },
    want: ["apiVersion 2 is not supported; this musicdl loads apiVersion 1"],
  },
  {
    name: "a missing apiVersion is named",
    value: { ...provider, apiVersion: undefined },
    want: ["apiVersion is missing; this musicdl loads apiVersion 1"],
  },
  {
    name: "an unknown kind is named",
    value: { ...provider, kind: "exporter" },
    want: ['kind "exporter" must be source, provider, tagger or lyrics'],
  },
  {
    name: "a camelCase name is rejected",
    value: { ...provider, name: "bandCamp" },
    want: ['name "bandCamp" must be kebab-case, like `my-provider`'],
  },
  {
    name: "a setup that is not a function is named",
    value: { ...provider, setup: true },
    want: ["setup must be a function"],
  },
  {
    name: "a module exporting a number is explained",
    value: 42,
    want: ["exports a number, not a plugin object or a factory returning one"],
  },
])("$name", ({ value, want }) => {
  expect(findPluginProblems(value)).toEqual([...want]);
});
