/**
 * Builds the PluginContext a plugin's factory receives: tagged redacting logger, injected HTTP, options, dirs, and
 * what a source needs of the core (keyed cache, a rate limiter of its own, backoff, clock, credentials, auth file).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { fullJitterDelayMs } from "../http/backoff.ts";
import { createRequestLimiter } from "../http/request-limiter.ts";
import { createTokenBucket } from "../http/token-bucket.ts";
import { createTaggedLogger } from "../log.ts";
import { type Clock, systemClock } from "../util/clock.ts";
import { authFilePath, configDir } from "../util/dirs.ts";
import { redact, registerSecret } from "../util/redact.ts";
import type { HttpClient, KeyedCache, PluginContext, PluginEvent, PluginLogger, RateLimiter } from "./api.ts";
import { createMemoryCache } from "./memory-cache.ts";
import { textRanking } from "../match/text-ranking.ts";

export interface PluginContextOptions {
  readonly name: string;
  /** The config's `plugins.<name>` value, as written. */
  readonly options: unknown;
  /** Injected so the core can put its shared rate limiter and backoff behind every plugin request. */
  readonly http: HttpClient;
  /** musicdl's cache and temp roots; the plugin gets `<cache>/plugins/<name>` and `<temp>/<name>`. */
  readonly dirs: { readonly cache: string; readonly temp: string };
  readonly ffmpegPath: string | null;
  readonly version: string;
  /** The config's `download.cookies`, offered to every plugin. */
  readonly cookiesFile?: string;
  /** The plugin's keyed cache in the store; in memory when omitted (no store open). */
  readonly cache?: KeyedCache;
  readonly clock?: Clock;
  /** `config.download` (credentials are left out here whatever is passed). */
  readonly settings?: object;
  /** Only for built-ins: a third-party plugin never sees the built-in source's app secret. */
  readonly credentials?: { readonly clientId?: string; readonly clientSecret?: string };
  /** Built-ins keep their logins where earlier versions did (`auth.json`); others get `auth-<name>.json`. */
  readonly builtin?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly onEvent?: (plugin: string, event: PluginEvent) => void;
}

/** Keys whose values are secrets wherever they appear (options, headers, logged objects). */
export const SECRET_KEY_PATTERN = /token|secret|cookie|password|passwd|key|authorization|credential/i;

export function createPluginContext(options: PluginContextOptions): PluginContext {
  registerOptionSecrets(options.options);
  // Where the user keeps logins is as private as a secret-looking option (it used to arrive as one).
  if (options.cookiesFile) registerSecret(options.cookiesFile);
  const clock = options.clock ?? systemClock;
  const cache = join(options.dirs.cache, "plugins", options.name);
  const temp = join(options.dirs.temp, options.name);
  return {
    log: createPluginLogger(options.name),
    http: options.http,
    options: options.options,
    v,
    // Created on first use, so listing plugins leaves no empty folders behind.
    dirs: {
      get cache() {
        return ensureDir(cache);
      },
      get temp() {
        return ensureDir(temp);
      },
    },
    ffmpegPath: options.ffmpegPath,
    musicdlVersion: options.version,
    ...(options.cookiesFile ? { cookiesFile: options.cookiesFile } : {}),
    cache: options.cache ?? createMemoryCache(() => clock.now()),
    rateLimiter: (limits) => createRateLimiter(limits, clock),
    backoffMs: (attempt, backoff) => fullJitterDelayMs(attempt, backoff),
    clock,
    settings: withoutCredentials((options.settings ?? {}) as Readonly<Record<string, unknown>>),
    credentials: options.builtin ? (options.credentials ?? {}) : {},
    authFile: authFileOf(options),
    report: (event) => options.onEvent?.(options.name, event),
    registerSecret,
    text: textRanking,
  };
}

function createRateLimiter(limits: Parameters<PluginContext["rateLimiter"]>[0], clock: Clock): RateLimiter {
  return createRequestLimiter({
    concurrency: limits.concurrency,
    clock,
    bucket: limits.requests
      ? createTokenBucket({ capacity: limits.requests.perWindow, windowMs: limits.requests.windowMs }, clock)
      : undefined,
  });
}

/** `$XDG_CONFIG_HOME/musicdl/auth.json` (`~/.config` when unset), where `musicdl auth login` always kept it. */
function authFileOf(options: PluginContextOptions): string {
  const env = options.env ?? process.env;
  return options.builtin ? authFilePath(env) : join(configDir(env), `auth-${options.name}.json`);
}

function withoutCredentials(settings: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const { clientId: _id, clientSecret: _secret, ...rest } = settings;
  return rest;
}

/** Plain `fetch` for now; the run wires the shared token bucket and backoff in its place. */
export function createBasicHttpClient(fetchImpl: HttpClient["fetch"] = fetch): HttpClient {
  return { fetch: (input, init) => fetchImpl(input, init) };
}

/**
 * A logger tagged `[name]`. Every argument is turned into redacted text here: the shared logger only redacts
 * strings, and a plugin may well log its whole options object or a request's headers.
 */
export function createPluginLogger(name: string): PluginLogger {
  const tagged = createTaggedLogger(name);
  const line = (message: string, args: unknown[]) => [message, ...args].map(toRedactedText).join(" ");
  return {
    debug: (message, ...args) => tagged.debug(line(message, args)),
    info: (message, ...args) => tagged.info(line(message, args)),
    warn: (message, ...args) => tagged.warn(line(message, args)),
    error: (message, ...args) => tagged.error(line(message, args)),
  };
}

function toRedactedText(value: unknown): string {
  if (typeof value === "string") return redact(value);
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  return redact(Bun.inspect(maskSecretKeys(value, 0), { depth: 4 }));
}

/** A copy of `value` with values under secret-looking keys replaced, so `{ token: "…" }` prints safely. */
export function maskSecretKeys(value: unknown, depth: number): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Headers) return maskSecretKeys(Object.fromEntries(value.entries()), depth);
  if (Array.isArray(value)) return value.map((item) => maskSecretKeys(item, depth + 1));
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    masked[key] =
      SECRET_KEY_PATTERN.test(key) && item != null && item !== "" ? "[redacted]" : maskSecretKeys(item, depth + 1);
  }
  return masked;
}

/** Registers every string under a secret-looking key of the plugin's options, so it is redacted everywhere. */
function registerOptionSecrets(value: unknown, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === "string" && SECRET_KEY_PATTERN.test(key)) registerSecret(item);
    else registerOptionSecrets(item, depth + 1);
  }
}

function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
