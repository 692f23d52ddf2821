/** Test preload: every test runs with HOME and XDG dirs in a throwaway folder and no real Spotify credentials. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const home = mkdtempSync(join(tmpdir(), "musicdl-test-home-"));
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = join(home, ".config");
process.env.XDG_CACHE_HOME = join(home, ".cache");
process.env.XDG_STATE_HOME = join(home, ".local", "state");
process.env.XDG_DATA_HOME = join(home, ".local", "share");
for (const key of Object.keys(process.env)) {
  if (key.startsWith("SPOTIFY_") || key.startsWith("MUSICDL_")) delete process.env[key];
}
