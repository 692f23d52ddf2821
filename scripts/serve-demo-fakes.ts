/**
 * The demo's offline world on its own: fake Spotify + fake YouTube Music + fake LRCLIB for examples/demo/musicdl.yaml.
 * Prints the environment a musicdl needs as KEY=VALUE lines, then `ready`, then serves until SIGINT/SIGTERM.
 * Used by scripts/check-runtime-rootfs.sh, whose musicdl runs in a chroot and reaches these on 127.0.0.1.
 */
import { createSmallCatalog } from "../test/fakes/spotify/index.ts";
import { startFakeWorld } from "../test/fakes/world.ts";
import { smallCatalogLyrics } from "../test/fakes/lrclib/index.ts";

const world = await startFakeWorld({ catalog: createSmallCatalog(), lyricsOf: smallCatalogLyrics });
for (const [key, value] of Object.entries(world.env)) console.log(`${key}=${value}`);
console.log("ready");

const stop = async () => {
  await world.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
