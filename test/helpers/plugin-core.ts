/** The PluginContext members the core builds (cache, rate limiter, backoff, clock…), for hand-built test contexts. */
import type { PluginContext } from "../../src/plugins/api.ts";
import { createBasicHttpClient, createPluginContext, type PluginContextOptions } from "../../src/plugins/context.ts";

export type CoreMembers = Pick<
  PluginContext,
  | "cache"
  | "rateLimiter"
  | "backoffMs"
  | "clock"
  | "settings"
  | "credentials"
  | "authFile"
  | "report"
  | "registerSecret"
  | "text"
>;

export function coreContextMembers(name = "test", options: Partial<PluginContextOptions> = {}): CoreMembers {
  const ctx = createPluginContext({
    name,
    options: undefined,
    http: createBasicHttpClient(),
    dirs: { cache: "/nonexistent", temp: "/nonexistent" },
    ffmpegPath: null,
    version: "0.0.0",
    ...options,
  });
  const { cache, rateLimiter, backoffMs, clock, settings, credentials, authFile, report, registerSecret, text } = ctx;
  return { cache, rateLimiter, backoffMs, clock, settings, credentials, authFile, report, registerSecret, text };
}
