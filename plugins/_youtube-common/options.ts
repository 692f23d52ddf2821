/** The options both YouTube providers take under `plugins.youtube-music` / `plugins.youtube`, as a valibot schema. */
import type * as Valibot from "valibot";

/** InnerTube clients youtubei.js 18.1.0 can send a player request as (its `InnerTubeClient` type). */
export const PLAYER_CLIENTS = [
  "IOS",
  "WEB",
  "MWEB",
  "ANDROID",
  "ANDROID_VR",
  "VISIONOS",
  "YTMUSIC",
  "YTMUSIC_ANDROID",
  "YTSTUDIO_ANDROID",
  "TV",
  "TV_SIMPLY",
  "TV_EMBEDDED",
  "YTKIDS",
  "WEB_EMBEDDED",
  "WEB_CREATOR",
] as const;
export type PlayerClient = (typeof PLAYER_CLIENTS)[number];

/**
 * VISIONOS answers with direct stream URLs (no signatureCipher, no `n` parameter), so no JS player has to be
 * fetched and run; that is what the recorded 2026 player response shows (shared fixtures README, player.json).
 */
export const DEFAULT_PLAYER_CLIENT: PlayerClient = "VISIONOS";
/** googlevideo throttles or refuses ranges much above 10 MiB per request; yt-dlp uses the same size. */
export const DEFAULT_CHUNK_BYTES = 10 * 1024 * 1024;

function optionsSchema(v: typeof Valibot) {
  return v.strictObject({
    /** InnerTube client for the player request (search always uses WEB_REMIX / WEB). */
    client: v.optional(
      v.pipe(
        v.string(),
        v.transform((name) => name.toUpperCase()),
        v.picklist(PLAYER_CLIENTS, `must be one of ${PLAYER_CLIENTS.join(", ")}`),
      ),
      DEFAULT_PLAYER_CLIENT,
    ),
    /** Proof-of-origin token, sent with player requests and as `pot` on media URLs. */
    po_token: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"))),
    /** Path of a Netscape cookies.txt; its youtube.com cookies are sent to YouTube. */
    cookies: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, "must be a file path"))),
    /** Results taken from each search request at most. */
    search_limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10),
    /** Bytes per HTTP Range request when downloading audio. */
    chunk_bytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024)), DEFAULT_CHUNK_BYTES),
  });
}

export type YouTubeOptions = Valibot.InferOutput<ReturnType<typeof optionsSchema>>;

/** Validates `plugins.<name>`; a missing section means all defaults. Every problem is listed in one error. */
export function parseYouTubeOptions(v: typeof Valibot, raw: unknown, pluginName: string): YouTubeOptions {
  const result = v.safeParse(optionsSchema(v), raw ?? {});
  if (result.success) return result.output;
  const lines = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return `plugins.${pluginName}${path ? `.${path}` : ""}: ${issue.message}`;
  });
  throw new Error(lines.join("\n"));
}
