/**
 * Test preload: every test runs with HOME and XDG dirs in a throwaway folder, no real Spotify credentials, and
 * lyrics asked of an empty fake LRCLIB (every track a miss) unless a test points MUSICDL_LRCLIB_URL elsewhere.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeLrclib } from "../fakes/lrclib/server.ts";

const home = mkdtempSync(join(tmpdir(), "musicdl-test-home-"));
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = join(home, ".config");
process.env.XDG_CACHE_HOME = join(home, ".cache");
process.env.XDG_STATE_HOME = join(home, ".local", "state");
process.env.XDG_DATA_HOME = join(home, ".local", "share");
for (const key of Object.keys(process.env)) {
  if (key.startsWith("SPOTIFY_") || key.startsWith("MUSICDL_")) delete process.env[key];
}

// Lyrics are on by default; no test may reach the real lrclib.net. Unref'd so it never keeps the runner alive.
const emptyLrclib = startFakeLrclib([]);
emptyLrclib.unref();
process.env.MUSICDL_LRCLIB_URL = emptyLrclib.url;
