import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildM3u, type M3uEntry, m3uPathFor, renderM3u } from "../../src/library/m3u.ts";
import { renderTargetPath } from "../../src/library/template.ts";
import { createTempDir } from "./_temp-dir.ts";
import { makeTrack } from "../helpers/track-meta.ts";

const pathLines = (text: string) => text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("renderM3u", () => {
  test("header, EXTINF in whole seconds, relative paths with /, in the given order", () => {
    const entries: M3uEntry[] = [
      { path: "/music/Rush/Moving Pictures/03 - YYZ.mp3", durationMs: 266_400, artists: ["Rush"], title: "YYZ" },
      {
        path: "/music/Daft Punk/Get Lucky.mp3",
        durationMs: 248_600,
        artists: ["Daft Punk", "Pharrell Williams"],
        title: "Get Lucky",
      },
    ];
    expect(renderM3u({ m3uPath: "/music/Road Trip.m3u8", entries })).toBe(
      [
        "#EXTM3U",
        "#EXTINF:266,Rush - YYZ",
        "Rush/Moving Pictures/03 - YYZ.mp3",
        "#EXTINF:249,Daft Punk, Pharrell Williams - Get Lucky",
        "Daft Punk/Get Lucky.mp3",
        "",
      ].join("\n"),
    );
  });

  test.each([
    {
      name: "line breaks in a title are flattened",
      entry: { title: "Line\r\nBreak\nHere", artists: ["A"] },
      want: "#EXTINF:1,A - Line Break Here",
    },
    { name: "no artists: just the title", entry: { title: "Intro", artists: [] }, want: "#EXTINF:1,Intro" },
    {
      name: "unknown duration is -1",
      entry: { title: "T", artists: ["A"], durationMs: Number.NaN },
      want: "#EXTINF:-1,A - T",
    },
  ])("$name", ({ entry, want }) => {
    const text = renderM3u({ m3uPath: "/m/p.m3u8", entries: [{ path: "/m/x.mp3", durationMs: 1000, ...entry }] });
    expect(text.split("\n")[1]).toBe(want);
    expect(text.split("\n")).toHaveLength(4);
  });

  test("a path starting with # is not read as a comment", () =>
    expect(
      pathLines(
        renderM3u({
          m3uPath: "/m/p.m3u8",
          entries: [{ path: "/m/#1 Dads/x.mp3", durationMs: 0, artists: [], title: "x" }],
        }),
      ),
    ).toEqual(["./#1 Dads/x.mp3"]));

  test("a playlist in a subfolder reaches its tracks with ../", () =>
    expect(
      pathLines(
        renderM3u({
          m3uPath: "/m/Playlists/p.m3u",
          entries: [{ path: "/m/Rush/YYZ.mp3", durationMs: 0, artists: [], title: "YYZ" }],
        }),
      ),
    ).toEqual(["../Rush/YYZ.mp3"]));

  test("every path resolves to its real file from the playlist's folder, even after the library moves", async () => {
    using dir = createTempDir();
    const library = join(dir.path, "library");
    const hostile = ["YYZ", "AC/DC: Live?", "CON", "..", "Beyonce\u0301 💃🏽", "#1", "עברית"];
    const entries = hostile.map((title, index) => {
      const track = makeTrack({ title, artists: [title], id: `id${index}` });
      const path = renderTargetPath({
        outputDir: library,
        template: "{artist}/{album}/{title}.{ext}",
        track,
        ctx: { ext: "mp3" },
      });
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, "audio");
      return { path, durationMs: 1000, artists: track.artists, title };
    });
    const m3uPath = m3uPathFor({ outputDir: library, name: "Road/Trip: 2026", extension: "m3u8" });
    expect(m3uPath).toBe(join(library, "Road-Trip - 2026.m3u8"));
    writeFileSync(m3uPath, renderM3u({ m3uPath, entries }));

    const moved = join(dir.path, "moved");
    renameSync(library, moved);
    const lines = pathLines(await Bun.file(join(moved, "Road-Trip - 2026.m3u8")).text());
    expect(lines).toHaveLength(hostile.length);
    for (const line of lines) expect(existsSync(resolve(moved, line))).toBe(true);
  });
});

describe("buildM3u", () => {
  test("tracks without a file are left out and counted", () => {
    const built = buildM3u({
      m3uPath: "/m/p.m3u8",
      entries: [
        { path: "/m/a.mp3", durationMs: 1000, artists: ["A"], title: "a" },
        { path: null, durationMs: 1000, artists: ["B"], title: "failed" },
        { path: "/m/c.mp3", durationMs: 1000, artists: ["C"], title: "c" },
      ],
    });
    expect(built.listed).toBe(2);
    expect(built.missing).toBe(1);
    expect(pathLines(built.text)).toEqual(["a.mp3", "c.mp3"]);
  });
});

describe("m3uPathFor", () => {
  test.each([
    { name: "Road Trip", extension: "m3u8" as const, want: "Road Trip.m3u8" },
    { name: "CON", extension: "m3u" as const, want: "CON_.m3u" },
    { name: "../../etc/passwd", extension: "m3u8" as const, want: "_.-..-etc-passwd.m3u8" },
    { name: "...", extension: "m3u8" as const, want: "_.m3u8" },
  ])("$name → $want", ({ name, extension, want }) =>
    expect(m3uPathFor({ outputDir: "/music", name, extension })).toBe(join("/music", want)),
  );

  test("a 300-character name keeps its extension within 255 bytes", () => {
    const path = m3uPathFor({ outputDir: "/music", name: "ü".repeat(300), extension: "m3u8" });
    const name = path.slice("/music/".length);
    expect(name.endsWith(".m3u8")).toBe(true);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
  });
});
