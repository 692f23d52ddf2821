/** Turns a player response's playabilityStatus into a clear error naming YouTube's own reason. */

export interface PlayabilityStatus {
  readonly status: string;
  readonly reason?: string;
}

/** What the user can do about each refusal; YouTube's reason says why ("Music Premium only", "private"…). */
const HINTS: Readonly<Record<string, string>> = {
  LOGIN_REQUIRED: "it needs a signed-in account: set cookies to a cookies.txt exported while signed in to YouTube",
  AGE_CHECK_REQUIRED: "it is age-restricted: set cookies to a cookies.txt of an account that may watch it",
  CONTENT_CHECK_REQUIRED: "it asks for a content confirmation: set cookies to a signed-in cookies.txt",
  UNPLAYABLE: "another upload of the same recording may work",
};

/** Throws unless YouTube says the video can be played. */
export function assertPlayable(videoId: string, playability: PlayabilityStatus | undefined, pluginName: string): void {
  const status = playability?.status ?? "UNKNOWN";
  if (status === "OK") return;
  const reason = playability?.reason?.trim() || "no reason given";
  const hint = HINTS[status];
  const advice = hint === undefined ? "" : `; ${hint}`.replace("set cookies", `set plugins.${pluginName}.cookies`);
  throw new Error(`YouTube will not play ${videoId}: "${reason}" (${status})${advice}`);
}
