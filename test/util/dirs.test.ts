import { expect, test } from "bun:test";
import { resolvePluginDirs } from "../../src/plugins/discover.ts";
import { authFilePath, cacheDir, configDir, defaultCachePath, userConfigPath } from "../../src/util/dirs.ts";

const HOME = "/home/u";

test.each([
  {
    name: "absolute values are used",
    env: { HOME, XDG_CONFIG_HOME: "/cfg", XDG_CACHE_HOME: "/cache" },
    config: "/cfg",
    cache: "/cache",
  },
  {
    name: "unset values fall back to the home folder",
    env: { HOME },
    config: `${HOME}/.config`,
    cache: `${HOME}/.cache`,
  },
  {
    name: "empty values fall back",
    env: { HOME, XDG_CONFIG_HOME: "", XDG_CACHE_HOME: "" },
    config: `${HOME}/.config`,
    cache: `${HOME}/.cache`,
  },
  {
    name: "relative values are ignored, as the XDG spec says",
    env: { HOME, XDG_CONFIG_HOME: "cfg", XDG_CACHE_HOME: "./cache" },
    config: `${HOME}/.config`,
    cache: `${HOME}/.cache`,
  },
])("every musicdl folder follows one XDG rule: $name", ({ env, config, cache }) => {
  expect(configDir(env)).toBe(`${config}/musicdl`);
  expect(userConfigPath(env)).toBe(`${config}/musicdl/config.yaml`);
  expect(authFilePath(env)).toBe(`${config}/musicdl/auth.json`);
  expect(resolvePluginDirs({ env, binaryPath: null })).toEqual([`${config}/musicdl/plugins`]);
  expect(cacheDir(env)).toBe(`${cache}/musicdl`);
  expect(defaultCachePath(env)).toBe(`${cache}/musicdl/musicdl.sqlite`);
});
