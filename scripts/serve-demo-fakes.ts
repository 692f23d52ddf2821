/**
 * The demo's offline world on its own: fake Spotify + fake YouTube Music + fake LRCLIB for examples/demo/musicdl.yaml.
 * Prints the environment a musicdl needs as KEY=VALUE lines, then `ready`, then serves until SIGINT/SIGTERM.
 * Used by scripts/check-runtime-rootfs.sh and scripts/check-image.sh, whose musicdl runs in a chroot or a container
 * and reaches these on 127.0.0.1.
 *
 *   bun scripts/serve-demo-fakes.ts [--youtube-latency-ms N]   # N ms before every YouTube answer: a slow run
 */
import { parseArgs } from "node:util";
import { smallCatalogLyrics } from "../fakes/lrclib/index.ts";
import { createSmallCatalog } from "../fakes/spotify/index.ts";
import { startFakeWorld } from "../fakes/world.ts";

const { values } = parseArgs({ options: { "youtube-latency-ms": { type: "string", default: "0" } } });
const youtubeLatencyMs = Number(values["youtube-latency-ms"]);
if (!Number.isInteger(youtubeLatencyMs) || youtubeLatencyMs < 0) {
  console.error("usage: serve-demo-fakes.ts [--youtube-latency-ms N]   (N: whole milliseconds, 0 or more)");
  process.exit(2);
}

const world = await startFakeWorld({ catalog: createSmallCatalog(), youtubeLatencyMs, lyricsOf: smallCatalogLyrics });
for (const [key, value] of Object.entries(world.env)) console.log(`${key}=${value}`);
console.log("ready");

const stop = async () => {
  await world.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
