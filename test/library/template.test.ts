import { describe, expect, test } from "bun:test";
import { isAbsolute, join, relative, sep } from "node:path";
import {
  buildTemplateVars,
  DEFAULT_OUTPUT_TEMPLATE,
  renderTargetPath,
  type TemplateContext,
  validateTemplate,
} from "../../src/library/template.ts";
import { expectPortableComponent, HOSTILE_NAMES } from "../helpers/hostile-names.ts";
import { makeTrack } from "../helpers/track-meta.ts";

const outputDir = join(sep, "music", "library");
const yyz = makeTrack({ isrc: "CAM018100003" });
const render = (template: string, track = yyz, ctx: TemplateContext = { ext: "mp3" }) =>
  relative(outputDir, renderTargetPath({ outputDir, template, track, ctx })).split(sep).join("/");

describe("renderTargetPath", () => {
  test.each([
    { name: "the default template", template: DEFAULT_OUTPUT_TEMPLATE, want: "Rush/Moving Pictures/03 - YYZ.mp3" },
    { name: "{ext} is {output-ext}", template: "{title}.{ext}", want: "YYZ.mp3" },
    { name: "a missing extension is appended", template: "{artist} - {title}", want: "Rush - YYZ.mp3" },
    {
      name: "a written .mp3 is the extension, not appended to",
      template: "{artist}/{title}.mp3",
      want: "Rush/YYZ.mp3",
    },
    { name: "a written extension is matched in any case", template: "{title}.MP3", want: "YYZ.mp3" },
    { name: "a dot in the title part is kept", template: "{title} vol.2", want: "YYZ vol.2.mp3" },
    { name: "a leading / stays inside the library", template: "/{artist}/{title}.{ext}", want: "Rush/YYZ.mp3" },
    { name: ". and empty components vanish", template: "./{artist}//{title}.{ext}", want: "Rush/YYZ.mp3" },
    { name: "backslash separates like /", template: "{artist}\\{title}.{ext}", want: "Rush/YYZ.mp3" },
    { name: "explicit width", template: "{track-number:3} {title}.{ext}", want: "003 YYZ.mp3" },
    { name: "width 1 means no padding", template: "{track-number:1} {title}.{ext}", want: "3 YYZ.mp3" },
    { name: "disc number is not padded", template: "{disc-number}-{track-number} {title}.{ext}", want: "1-03 YYZ.mp3" },
    { name: "disc width", template: "{disc-number:2}{track-number}.{ext}", want: "0103.mp3" },
    { name: "year and date", template: "{year}/{date} {album}.{ext}", want: "1981/1981-02-12 Moving Pictures.mp3" },
    {
      name: "isrc and the source's track id",
      template: "{isrc} {track-id}.{ext}",
      want: "CAM018100003 1RKbVxcm267VdsIzqY7msi.mp3",
    },
    {
      name: "spotDL aliases",
      template: "{list-name}{spotify-id} {tracks-count}.{ext}",
      want: "1RKbVxcm267VdsIzqY7msi 7.mp3",
    },
    { name: "counts", template: "{track-number} of {track-count}.{ext}", want: "03 of 7.mp3" },
    {
      name: "no playlist: no empty folder",
      template: "{playlist}/{playlist-position} - {title}.{ext}",
      want: "YYZ.mp3",
    },
    {
      name: "empty middle value takes its separator",
      template: "{artist} - {isrc} - {title}.{ext}",
      want: "Rush - CAM018100003 - YYZ.mp3",
    },
  ])("$name: $template", ({ template, want }) => expect(render(template)).toBe(want));

  test.each([
    { name: "no ISRC in the middle", template: "{artist} - {isrc} - {title}.{ext}", want: "Rush - YYZ.mp3" },
    { name: "no ISRC in brackets", template: "{title} [{isrc}].{ext}", want: "YYZ.mp3" },
    { name: "no ISRC in parentheses before a word", template: "{title} ({isrc}) live.{ext}", want: "YYZ live.mp3" },
    { name: "no ISRC at the end of a folder", template: "{artist} - {isrc}/{title}.{ext}", want: "Rush/YYZ.mp3" },
    { name: "only an empty value in the file part", template: "{artist}/{isrc}.{ext}", want: "Rush/YYZ.mp3" },
  ])("missing values: $name", ({ template, want }) =>
    expect(render(template, makeTrack({ isrc: undefined }))).toBe(want),
  );

  test("a playlist renders its folder and a padded position", () =>
    expect(
      render("{playlist}/{playlist-position} - {title}.{ext}", makeTrack(), {
        ext: "m4a",
        playlist: "Road Trip",
        playlistPosition: 4,
      }),
    ).toBe("Road Trip/04 - YYZ.m4a"));

  test("positions and track numbers widen past 99", () => {
    const ctx = { ext: "mp3", playlist: "Big", playlistPosition: 7, playlistLength: 1500 };
    expect(render("{playlist-position}.{ext}", makeTrack(), ctx)).toBe("0007.mp3");
    expect(render("{track-number}.{ext}", makeTrack({ album: { totalTracks: 120 } }))).toBe("003.mp3");
  });

  test("a written audio extension follows the format (`{title}.mp3` with format: opus is an .opus file)", () =>
    expect(render("{artist}/{title}.mp3", makeTrack(), { ext: "opus" })).toBe("Rush/YYZ.opus"));

  test("a title with slashes never makes folders", () =>
    expect(render(DEFAULT_OUTPUT_TEMPLATE, makeTrack({ title: "Either/Or \\ Both", artists: ["AC/DC"] }))).toBe(
      "AC-DC/Moving Pictures/03 - Either-Or - Both.mp3",
    ));

  test.each(HOSTILE_NAMES.map((name) => ({ name })))(
    "hostile title and artist $name stay inside and valid",
    ({ name }) => {
      const target = renderTargetPath({
        outputDir,
        template: "{artist}/{album}/{title}.{ext}",
        track: makeTrack({ title: name, artists: [name], album: { name } }),
        ctx: { ext: "mp3" },
      });
      const inside = relative(outputDir, target);
      expect(isAbsolute(inside) || inside.startsWith("..")).toBe(false);
      const components = inside.split(sep);
      // A blank artist or album is a missing value: its folder is dropped rather than named "_".
      expect(components.length).toBe(name.trim() === "" ? 1 : 3);
      for (const component of components) expectPortableComponent(component);
      expect(components.at(-1)).toMatch(/.\.mp3$/u);
    },
  );

  test("a template with an unknown variable is refused at render time too", () =>
    expect(() => render("{titel}.{ext}")).toThrow("did you mean {title}?"));
});

describe("validateTemplate", () => {
  test.each([
    { template: DEFAULT_OUTPUT_TEMPLATE, want: [] },
    { template: "{Artist}/{track_number} {title}", want: [] },
    { template: "{titel}", want: ["unknown variable {titel}; did you mean {title}?"] },
    { template: "{genre}/{title}", want: [expect.stringMatching(/^unknown variable \{genre\}; known: \{title\}/)] },
    { template: "{title:2}", want: ["{title:2}: only numbers take a width"] },
    { template: "{track-number:0}", want: ["{track-number:0}: the width must be a whole number from 1 to 10"] },
    { template: "{track-number:x}", want: ["{track-number:x}: the width must be a whole number from 1 to 10"] },
    { template: "{title", want: ['stray brace in "{title": write {name} or {name:width}'] },
    { template: "../{title}", want: [expect.stringContaining("`..`")] },
    { template: "", want: ["the output template is empty"] },
  ])("$template", ({ template, want }) => expect(validateTemplate(template)).toEqual([...want]));
});

describe("buildTemplateVars", () => {
  test("first artist, all artists, album artist fallback, missing values undefined", () => {
    const track = makeTrack({ artists: ["Daft Punk", "Pharrell Williams"], isrc: undefined, album: { artists: [] } });
    expect(buildTemplateVars(track, { ext: ".opus" })).toMatchObject({
      artist: "Daft Punk",
      artists: "Daft Punk, Pharrell Williams",
      "album-artist": "Daft Punk",
      isrc: undefined,
      playlist: undefined,
      "disc-count": undefined,
      "output-ext": "opus",
      "track-number": 3,
    });
  });
});
