/**
 * Runs the fake YouTube on its own, for the demo and black-box tests of the compiled binary:
 *   bun fakes/youtube/main.ts --catalog catalog.json [--port 0] [--latency-ms 0] [--language en|de]
 * Prints `MUSICDL_YOUTUBE_ORIGIN=http://127.0.0.1:PORT` as its first stdout line, then serves until SIGINT/SIGTERM.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { FakeVideo } from "./catalog.ts";
import { startFakeYouTube } from "./server.ts";

const { values } = parseArgs({
  options: {
    catalog: { type: "string" },
    port: { type: "string", default: "0" },
    "latency-ms": { type: "string", default: "0" },
    language: { type: "string", default: "en" },
    ffmpeg: { type: "string" },
  },
});
if (!values.catalog) {
  console.error("usage: main.ts --catalog catalog.json [--port N] [--latency-ms N] [--language en|de]");
  process.exit(2);
}
const catalog = JSON.parse(readFileSync(values.catalog, "utf8")) as FakeVideo[];
const fake = await startFakeYouTube({
  catalog,
  port: Number(values.port),
  latencyMs: Number(values["latency-ms"]),
  language: values.language === "de" ? "de" : "en",
  ...(values.ffmpeg ? { ffmpegPath: values.ffmpeg } : {}),
});
console.log(`MUSICDL_YOUTUBE_ORIGIN=${fake.origin}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    await fake.stop();
    process.exit(0);
  });
}
